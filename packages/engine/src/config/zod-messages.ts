import { config } from "zod/mini";
import en from "zod/v4/locales/en.js";

// zod/mini (a tenth of zod's size to load) comes without messages: every issue would read "Invalid input".
// scrilla's errors quote zod's English ones, so every module that declares a schema imports this one.
config(en());
