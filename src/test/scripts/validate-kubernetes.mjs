// Validates Kubernetes objects against the JSON schemas of the Kubernetes API, as compiled by the npm packages of
// kubernetes-models (generated from the API's published OpenAPI document; the Prometheus Operator's and the Gateway
// API's from their CRDs). The test command installs them (ensure-test-tools.sh kubernetes-schemas) into a cache
// directory, given here as the first argument.
//
//   node validate-kubernetes.mjs <packages directory> <objects.json>
//
// objects.json holds a JSON array of objects (a rendered chart, parsed). Prints one JSON report on stdout:
//   {"validated": [{"kind", "name", "errors": [...]}, ...]}
// An object whose apiVersion/kind no package knows is reported with an error, never skipped.
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [packagesDirectory, objectsFile] = process.argv.slice(2);
if (!packagesDirectory || !objectsFile) {
    console.error("usage: node validate-kubernetes.mjs <packages directory> <objects.json>");
    process.exit(2);
}
const modules = join(packagesDirectory, "node_modules");

// apiVersion's group → the package holding its models
const packages = {
    "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
    "gateway.networking.k8s.io": "@kubernetes-models/gateway-api",
};

function modelFile(apiVersion, kind) {
    const slash = apiVersion.indexOf("/");
    const group = slash < 0 ? "" : apiVersion.slice(0, slash);
    const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
    const packageName = packages[group] ?? "kubernetes-models";
    // the core group ("v1") has no group directory
    return join(modules, packageName, ...(group ? [group] : []), version, `${kind}.js`);
}

const objects = JSON.parse(readFileSync(objectsFile, "utf8"));
const validated = [];
for (const object of objects) {
    const { apiVersion = "", kind = "" } = object ?? {};
    const entry = { kind, name: object?.metadata?.name ?? "", errors: [] };
    validated.push(entry);
    const file = modelFile(apiVersion, kind);
    if (!apiVersion || !kind || !existsSync(file)) {
        entry.errors.push(`no schema for apiVersion ${apiVersion || "(none)"}, kind ${kind || "(none)"}`);
        continue;
    }
    const model = (await import(pathToFileURL(file).href))[kind];
    try {
        new model(object).validate();
    } catch (error) {
        entry.errors.push(...String(error.message).split("\n").filter((line) => line.trim()));
    }
}
process.stdout.write(JSON.stringify({ validated }) + "\n");
