/**
 * A slot value said on its own ("slower", "bird dog", "I fell") cannot be a sample of its
 * intent: a bare custom slot would catch any words on a device. Such phrases become an
 * intent of their own per value, named after the slot type and the value's id, so the
 * id arrives in the intent name. The name is language-agnostic: the parser reads it back.
 */

/** `PaceName` + `slower` → `PaceName_slower`; ids' hyphens become underscores (intent names allow letters and _). */
export const valueIntentName = (slotType: string, id: string): string =>
  `${slotType}_${id.replace(/-/g, '_')}`;

/** The slot type and id a value intent stands for, or undefined for any other intent name. */
export const valueOfIntent = (name: string): { slotType: string; id: string } | undefined => {
  const m = /^([A-Za-z]+)_([A-Za-z_]+)$/.exec(name);
  return m?.[1] && m[2] ? { slotType: m[1], id: m[2].replace(/_/g, '-') } : undefined;
};
