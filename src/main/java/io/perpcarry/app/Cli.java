package io.perpcarry.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/perpcarry}: the operator's command line. */
@Command(name = "perpcarry", mixinStandardHelpOptions = true, version = "perpcarry 0.1.0",
        description = "Delta-neutral funding-rate carry between Lighter and EdgeX.",
        subcommands = {CheckCommand.class, RunCommand.class, EmulatorCommand.class, CommandLine.HelpCommand.class})
public final class Cli {
    /** Exit code for a configuration or usage problem. */
    public static final int EXIT_CONFIG = 2;

    public static void main(String[] args) {
        boolean daemon = args.length > 0 && (args[0].equals("run") || args[0].equals("emulator"));
        if (!daemon && System.getProperty("perpcarry.log.camel") == null) {
            System.setProperty("perpcarry.log.camel", "WARN"); // before the first logger is created
        }
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Cli());
        cl.addSubcommand(new FundingAllCommand());
        cl.addSubcommand(new FundingCommand());
        cl.addSubcommand(new StatusCommand());
        cl.addSubcommand(new CapacityCommand());
        cl.addSubcommand(new JournalCommand());
        cl.addSubcommand(new PauseCommand());
        cl.addSubcommand(new ResumeCommand());
        cl.addSubcommand(new OpenCommand());
        cl.addSubcommand(new CloseCommand());
        cl.addSubcommand(new TestTradeCommand());
        cl.addSubcommand(new EmergencyCloseCommand());
        cl.addSubcommand(new MonitorCommand());
        cl.addSubcommand(new PreflightCommand());
        cl.addSubcommand(new AdoptCommand());
        cl.addSubcommand(new RecordCommand());
        cl.addSubcommand(new BacktestCommand());
        cl.addSubcommand(new ChaosCommand());
        // --help (and --version) on every command, whoever wrote it.
        cl.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help") && !sub.getCommandSpec().mixinStandardHelpOptions()) {
                sub.getCommandSpec().mixinStandardHelpOptions(true);
            }
        });
        return cl;
    }
}
