/** The pure progress model: what is remembered, how changes merge, what is said about it. */
export * from './days';
export * from './moment';
export * from './profile';
export * from './delta';
export * from './practice';
export * from './changes';
export * from './pending';
export * from './streaks';
export * from './summary';
export * from './levels';
export * from './report';
export * from './launchOffer';
