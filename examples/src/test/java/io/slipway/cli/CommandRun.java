package io.slipway.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One finished {@code slipway} command line, run in this JVM: its status and what it printed. */
record CommandRun(int status, String out, String err) {
    static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Slipway.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CommandRun(status, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "status " + status + "\nstdout:\n" + out + "stderr:\n" + err;
    }
}
