import { describePlanted } from "./planted-suite";

describePlanted([3, 4]);
