// Quiet the AWS SDK notices (v2 end-of-support from virtual-alexa; Node 20 support from v3)
// so test output shows only what the tests say.
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = '1';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
