import { describePlanted } from "./planted-suite";

describePlanted([1, 2]);
