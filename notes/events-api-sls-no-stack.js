// Reference generation only: answers CloudFormation describeStacks as "stack does not exist" so that
// `sls package` can compile layers without AWS credentials (layers.js compareWithLastLayer).
const Module = require('module');
const origLoad = Module._load;
Module._load = function (request, parent, isMain) {
  const loaded = origLoad.apply(this, arguments);
  let file = '';
  try { file = Module._resolveFilename(request, parent, isMain); } catch (e) {}
  if (/plugins[\\/]aws[\\/]provider\.js$/.test(file) && loaded && loaded.prototype && !loaded.__patched) {
    const orig = loaded.prototype.request;
    loaded.prototype.request = async function (service, method, ...rest) {
      if (service === 'CloudFormation' && method === 'describeStacks') {
        throw new Error('Stack with id x does not exist');
      }
      return orig.call(this, service, method, ...rest);
    };
    loaded.__patched = true;
  }
  return loaded;
};
