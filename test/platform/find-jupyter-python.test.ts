import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findJupyterPython } from "../../src/course/jupyter";
import { jupyterForTests } from "./jupyter-environment";

const jupyter = jupyterForTests();
const bin = mkdtempSync(join(tmpdir(), "fake-bin-"));
afterAll(() => rmSync(bin, { recursive: true, force: true }));

describe("findJupyterPython(options)", () => {
  it("rejects a $MICRODOSING_JUPYTER_PYTHON that cannot import Jupyter", () => {
    expect(() =>
      findJupyterPython({ env: { ...process.env, MICRODOSING_JUPYTER_PYTHON: join(bin, "no-such-python") } }),
    ).toThrow(
      /findJupyterPython: MICRODOSING_JUPYTER_PYTHON must name a Python that can import jupyter_client and IPython; received .*no-such-python/,
    );
  });

  it.skipIf(!jupyter || process.platform === "win32")(
    "follows the #! line of the jupyter command on PATH, even when python3 on PATH has no Jupyter",
    () => {
      const noJupyterPython = join(bin, "python3");
      writeFileSync(noJupyterPython, "#!/bin/sh\nexit 1\n");
      chmodSync(noJupyterPython, 0o755);
      const fakeJupyter = join(bin, "jupyter");
      writeFileSync(fakeJupyter, `#!${jupyter!.python}\nprint("jupyter")\n`);
      chmodSync(fakeJupyter, 0o755);
      const found = findJupyterPython({ env: { ...process.env, MICRODOSING_JUPYTER_PYTHON: "", PATH: bin } });
      expect(found).toEqual({ python: jupyter!.python, source: `jupyter on PATH (${fakeJupyter})` });
    },
  );

  it.skipIf(!jupyter)("honours $MICRODOSING_JUPYTER_PYTHON when it has Jupyter", () => {
    expect(findJupyterPython({ env: { ...process.env, MICRODOSING_JUPYTER_PYTHON: jupyter!.python } })).toEqual({
      python: jupyter!.python,
      source: "MICRODOSING_JUPYTER_PYTHON",
    });
  });
});
