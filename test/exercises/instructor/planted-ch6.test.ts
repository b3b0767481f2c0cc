import { describePlanted } from "./planted-suite";

describePlanted([6]);
