package io.slipway.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code slipway} command line. Exit codes: 0 success, 1 the operation failed, 2 usage error
 * (a bad option or address gets one clear line, never a stack trace).
 */
@Command(name = "slipway",
        mixinStandardHelpOptions = true,
        version = "slipway 0.1.0",
        description = "A TCP/IP stack that links machines over a serial cable.",
        subcommands = {PingCommand.class, LookupCommand.class, GetCommand.class, NcCommand.class, ServeCommand.class, DemoCommand.class,
            io.slipway.cli.bench.BenchCommand.class, CommandLine.HelpCommand.class})
public final class Slipway implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where commands that read input ({@code serve --commands}, {@code nc}) read it. */
    private final InputStream in;
    /** Where commands that write bytes rather than text ({@code nc}) write them: standard output. */
    private final OutputStream rawOut;

    private Slipway(InputStream in, OutputStream rawOut) {
        this.in = in;
        this.rawOut = rawOut;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        System.exit(run(args, System.in, System.out, out, new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given output streams and no input; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, InputStream.nullInputStream(), out, err);
    }

    /** Runs the command line with the given streams; bytes a command writes go through {@code out}. */
    public static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
        OutputStream raw = new OutputStream() {
            @Override
            public void write(int b) {
                out.write(b & 0xFF);
            }

            @Override
            public void flush() {
                out.flush();
            }
        };
        return run(args, in, raw, out, err);
    }

    /** Runs the command line with the given streams, {@code rawOut} for bytes ({@code nc}); returns the exit code. */
    public static int run(String[] args, InputStream in, OutputStream rawOut, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Slipway(in, rawOut));
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("slipway: " + e.getMessage() + " (see '" + fullName(e.getCommandLine())
                    + " --help')");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("slipway: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            return e instanceof IllegalArgumentException ? EXIT_USAGE : EXIT_FAILED;
        });
        return cli.execute(args);
    }

    InputStream in() {
        return in;
    }

    OutputStream rawOut() {
        return rawOut;
    }

    private static String fullName(CommandLine cl) {
        return cl.getParent() == null ? cl.getCommandName()
                : fullName(cl.getParent()) + " " + cl.getCommandName();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: "
                + String.join(", ", spec.subcommands().keySet()));
    }
}
