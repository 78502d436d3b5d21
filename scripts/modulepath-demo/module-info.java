// A module-path application as a user would write it: it requires only olaphttp's modules.
module demo {
    requires dev.olaphttp.core;
    requires dev.olaphttp.testkit;
}
