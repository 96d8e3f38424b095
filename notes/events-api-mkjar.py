import re, os, subprocess, sys, shutil, zipfile
case = sys.argv[1]
yml = open(f"{case}/serverless.yml").read()
handlers = sorted(set(re.findall(r"handler:\s*([\w.]+)::(\w+)", yml)))
src = f"/tmp/ea-jar/{case}/src"; out = f"/tmp/ea-jar/{case}/classes"
shutil.rmtree(f"/tmp/ea-jar/{case}", ignore_errors=True); os.makedirs(src); os.makedirs(out)
files = []
for cls, method in handlers:
    pkg, name = cls.rsplit(".", 1)
    d = os.path.join(src, *pkg.split(".")); os.makedirs(d, exist_ok=True)
    f = os.path.join(d, name + ".java"); files.append(f)
    open(f, "w").write(f"package {pkg};\n\n/** Test handler for the {case} parity case. */\npublic class {name} {{\n    public String {method}(java.util.Map<String, Object> event, Object context) {{\n        return \"ok\";\n    }}\n}}\n")
subprocess.check_call(["javac", "--release", "17", "-d", out] + files)
jar = f"{case}/target/app.jar"
with zipfile.ZipFile(jar, "w", zipfile.ZIP_DEFLATED) as z:
    for root, _, fs in sorted(os.walk(out)):
        for fn in sorted(fs):
            p = os.path.join(root, fn); arc = os.path.relpath(p, out)
            zi = zipfile.ZipInfo(arc, date_time=(2020,1,1,0,0,0)); zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, open(p, "rb").read())
print(case, [h[0] for h in handlers])
