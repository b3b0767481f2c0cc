// Entry of the sandbox process without a snapshot: node child.js <library.js> <exercises dir>.
import { startChild } from "./child";

startChild({ libraryPath: process.argv[2], exercisesDir: process.argv[3] });
