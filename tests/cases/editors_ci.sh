# The CI integrations of docs/ci.md really work:
#   - the GitHub Actions workflow parses, asks for security-events, uploads
#     ruta.sarif, and its shell steps, run in a git repository of plans with
#     `ruta` on the PATH, pass on clean plans and, on a broken one, fail
#     while still writing a SARIF 2.1.0 file with the error in it;
#   - the problem matcher's regexp reads a real diagnostic line;
#   - every hook of .pre-commit-hooks.yaml selects *.ruta files and its
#     `entry` passes on formatted, valid plans and blocks a broken or
#     unformatted one; the .pre-commit-config.yaml example names those hooks.
# Needs python3 with PyYAML to read the YAML (skipped, with the reason,
# without it) and git.
# Run by tests/run.sh in an empty temporary directory, with RUTA and ROOT.
set -eu
: "${RUTA:?}" "${ROOT:?}"

PY=$(command -v python3 || true)
if [ -z "$PY" ] || ! "$PY" -c 'import yaml' 2> /dev/null; then
    echo "skip: python3 with PyYAML is not installed (docs/ci.md not tested)"
    exit 0
fi
if ! command -v git > /dev/null 2>&1; then
    echo "skip: git is not installed (docs/ci.md not tested)"
    exit 0
fi

mkdir bin
ln -s "$RUTA" bin/ruta
PATH="$(pwd)/bin:$PATH"
export PATH

# A repository of plans: the tutorial's last plan, formatted and clean as of
# 2026-05-04 (AS_OF of the workflow). plan.ruta is there too, not tracked
# (for the hooks, which get their files from pre-commit).
mkdir repo runner
cp "$ROOT/tests/data/tutorial/plan_seguimiento.ruta" repo/
(cd repo && git init -q && git add . && git -c user.name=t -c user.email=t@t commit -qm planes)
cp "$ROOT/tests/data/tutorial/plan.ruta" repo/

"$PY" - "$ROOT" "$(pwd)" <<'EOF'
import json, os, re, subprocess, sys, yaml

root, work = sys.argv[1], sys.argv[2]
repo, runner = os.path.join(work, "repo"), os.path.join(work, "runner")
failures = []

def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)

def blocks_after(marker, text):
    """The ```yaml block that follows an HTML comment marker."""
    m = re.search(r"<!-- " + marker + r" -->\n```yaml\n(.*?)```", text, re.S)
    if not m:
        fail("docs/ci.md has no block marked " + marker)
        return None
    return yaml.safe_load(m.group(1))

doc = open(os.path.join(root, "docs", "ci.md"), encoding="utf-8").read()
wf = blocks_after("workflow", doc)
steps = []
if wf:
    on = wf.get("on", wf.get(True))
    if not on or "push" not in on or "pull_request" not in on:
        fail("the workflow does not run on push and pull_request")
    if wf.get("permissions", {}).get("security-events") != "write":
        fail("the workflow lacks permissions: security-events: write")
    steps = [s for job in wf["jobs"].values() for s in job["steps"]]
    up = [s for s in steps if "upload-sarif" in s.get("uses", "")]
    if not up or up[0].get("with", {}).get("sarif_file") != "ruta.sarif" or up[0].get("if") != "always()":
        fail("the workflow does not upload ruta.sarif always")

def step(name):
    for s in steps:
        if s.get("name") == name:
            return s["run"]
    fail("the workflow has no step " + repr(name))
    return "false"

# The matcher file, where the install step puts it.
matcher = os.path.join(root, "editors", "github", "ruta-problem-matcher.json")
subprocess.run(["cp", matcher, runner], check=True)
env = dict(os.environ, RUNNER_TEMP=runner, AS_OF="2026-05-04")
if wf:
    for k, v in wf.get("env", {}).items():
        env.setdefault(k, str(v))
    env["AS_OF"] = "2026-05-04"

def run(script):
    p = subprocess.run(["bash", "-eo", "pipefail", "-c", script], cwd=repo, env=env,
                       capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout + p.stderr

steps_to_run = ["Formato canónico", "Revisar los planes", "Diagnósticos en SARIF"]

def sarif_results():
    try:
        s = json.load(open(os.path.join(repo, "ruta.sarif"), encoding="utf-8"))
    except Exception as e:
        fail("ruta.sarif is not JSON: %s" % e)
        return None
    if s.get("version") != "2.1.0":
        fail("ruta.sarif is not SARIF 2.1.0")
    return [r for run_ in s.get("runs", []) for r in run_.get("results", [])]

# Clean plans: every step passes, the SARIF has no result.
for name in steps_to_run:
    rc, out = run(step(name))
    if rc != 0:
        fail("step %r failed on clean plans (exit %d): %s" % (name, rc, out[-500:]))
res = sarif_results()
if res:
    fail("SARIF of clean plans has results: %s" % res[:1])

# A broken plan: the check fails, the SARIF step still writes the error.
with open(os.path.join(repo, "roto.ruta"), "w", encoding="utf-8") as f:
    f.write('persona ana "Ana" { rol: directora }\n')
subprocess.run(["git", "add", "roto.ruta"], cwd=repo, check=True)
rc, out = run(step("Revisar los planes"))
if rc == 0:
    fail("step 'Revisar los planes' passed on a broken plan")
if "::add-matcher::" not in out:
    fail("the check step does not register the problem matcher")
lines = [l for l in out.splitlines() if re.match(r"^roto\.ruta:\d+:\d+: (error|warning)", l)]
pm = json.load(open(matcher))["problemMatcher"][0]["pattern"][0]
if not lines:
    fail("no diagnostic in the check step's log: " + out[-300:])
for l in lines:
    m = re.match(pm["regexp"], l)
    if not m or m.group(pm["file"]) != "roto.ruta" or m.group(pm["code"]) != "E102":
        fail("the problem matcher does not read " + repr(l))
rc, out = run(step("Diagnósticos en SARIF"))
if rc != 0:
    fail("the SARIF step fails on a broken plan: " + out[-300:])
res = sarif_results()
if res is not None and not any(r.get("ruleId") == "E102" for r in res):
    fail("SARIF of a broken plan lacks its E102")
# An unformatted plan fails the format step.
with open(os.path.join(repo, "roto.ruta"), "w", encoding="utf-8") as f:
    f.write('persona   ana "Ana" { rol: director }\n')
rc, out = run(step("Formato canónico"))
if rc == 0 or "roto.ruta" not in out:
    fail("step 'Formato canónico' does not fail naming an unformatted plan")
os.remove(os.path.join(repo, "roto.ruta"))
subprocess.run(["git", "rm", "-q", "--cached", "roto.ruta"], cwd=repo, check=True)

# pre-commit hooks.
hooks = yaml.safe_load(open(os.path.join(root, ".pre-commit-hooks.yaml"), encoding="utf-8"))
ids = {h["id"] for h in hooks}
for want in ("ruta-check", "ruta-fmt-check"):
    if want not in ids:
        fail(".pre-commit-hooks.yaml lacks " + want)
cfg = blocks_after("pre-commit-config", doc)
if cfg:
    for h in cfg["repos"][0]["hooks"]:
        if h["id"] not in ids:
            fail("the example .pre-commit-config.yaml names an unknown hook " + h["id"])
good = ["plan.ruta", "plan_seguimiento.ruta"]
for h in hooks:
    if h.get("language") != "system":
        fail(h["id"] + ": language is not system")
    if not re.search(h["files"], "planes/plan.ruta") or re.search(h["files"], "plan.txt"):
        fail(h["id"] + ": files does not select exactly *.ruta")
    rc, out = run(h["entry"] + " " + " ".join(good))
    if rc != 0:
        fail("%s fails on valid, formatted plans: %s" % (h["id"], out[-300:]))
bad = {"ruta-check": 'persona ana "Ana" { rol: directora }\n',
       "ruta-fmt-check": 'persona   ana "Ana" { rol: director }\n',
       "ruta-fmt": 'persona   ana "Ana" { rol: director }\n'}
for h in hooks:
    path = os.path.join(repo, "malo.ruta")
    with open(path, "w", encoding="utf-8") as f:
        f.write(bad.get(h["id"], bad["ruta-check"]))
    before = open(path, encoding="utf-8").read()
    rc, out = run(h["entry"] + " malo.ruta")
    after = open(path, encoding="utf-8").read()
    blocked = rc != 0 or before != after   # pre-commit fails a hook that changes files
    if not blocked:
        fail("%s lets a bad plan through" % h["id"])
    if h["id"] == "ruta-fmt" and after != 'persona ana "Ana" { rol: director }\n':
        fail("ruta-fmt did not rewrite the plan: %r" % after)
    os.remove(path)

sys.exit(1 if failures else 0)
EOF
echo "docs/ci.md workflow, problem matcher and pre-commit hooks work"
