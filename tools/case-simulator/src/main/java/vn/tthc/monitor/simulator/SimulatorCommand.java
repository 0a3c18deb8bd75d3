package vn.tthc.monitor.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import vn.tthc.monitor.contract.calendar.CalendarOverride;
import vn.tthc.monitor.contract.calendar.WorkingCalendar;
import vn.tthc.monitor.contract.kpi.VietnamTime;
import vn.tthc.monitor.ingest.client.IngestClient;
import vn.tthc.monitor.simulator.config.ProvinceConfig;
import vn.tthc.monitor.simulator.sink.EventSink;
import vn.tthc.monitor.simulator.sink.FileSink;
import vn.tthc.monitor.simulator.sink.GatewaySink;
import vn.tthc.monitor.simulator.sink.KafkaSink;

/** The command line of the case simulator; docs/SIMULATOR.md describes every option. */
@CommandLine.Command(name = "case-simulator", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Simulates a province's case traffic and sends it to a file, the events topic or the ingest gateway.")
public final class SimulatorCommand implements Callable<Integer> {

    static final OffsetDateTime DEFAULT_HISTORY_START = OffsetDateTime.parse("2026-03-02T00:00:00+07:00");
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorCommand.class);
    private static final String SAMPLE_CONFIG = "/province-sample.yaml";
    private static final String CALENDAR_OVERRIDE_ENV = "TTHC_CALENDAR_OVERRIDE";

    @CommandLine.Option(names = "--config", paramLabel = "FILE.yaml",
        description = "the province (default: the bundled config/province-sample.yaml)")
    Path config;

    @CommandLine.Option(names = "--calendar-override", paramLabel = "FILE.yaml",
        description = "a province's changes to the working-day calendar, the file kpi-streams reads (docs/CALENDAR.md; "
            + "default: $" + CALENDAR_OVERRIDE_ENV + ", else the national calendar)")
    Path calendarOverride;

    @CommandLine.ArgGroup(multiplicity = "1")
    Destination destination;

    static final class Destination {
        @CommandLine.Option(names = "--output", paramLabel = "FILE.jsonl", description = "write JSON Lines for ./tthc replay")
        Path output;

        @CommandLine.Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "produce to Kafka directly")
        String bootstrap;

        @CommandLine.Option(names = "--gateway", paramLabel = "URL", description = "send through the ingest gateway")
        URI gateway;
    }

    @CommandLine.Option(names = "--topic", defaultValue = "tthc-events", description = "events topic with --bootstrap (default: ${DEFAULT-VALUE})")
    String topic;

    @CommandLine.Option(names = "--api-key-env", defaultValue = "TTHC_API_KEY", paramLabel = "VAR",
        description = "environment variable holding the gateway's API key (default: ${DEFAULT-VALUE})")
    String apiKeyEnv;

    @CommandLine.Option(names = "--batch-size", defaultValue = "500", description = "events per gateway request (default: ${DEFAULT-VALUE})")
    int batchSize;

    @CommandLine.Option(names = "--rate", paramLabel = "N|max",
        description = "events per second; 'max' sends as fast as possible (the default without --day-length)")
    String rate;

    @CommandLine.Option(names = "--day-length", paramLabel = "DURATION", converter = Durations.Converter.class,
        description = "live: a simulated day lasts this long (60s, 24h = real time); events are sent when their time comes")
    Duration dayLength;

    @CommandLine.Option(names = "--events", paramLabel = "N", description = "stop after N events (re-deliveries and broken lines included)")
    Long events;

    @CommandLine.Option(names = "--duration", paramLabel = "DURATION", converter = Durations.Converter.class, description = "stop after this long (e.g. 10m)")
    Duration duration;

    @CommandLine.Option(names = "--duplicates", defaultValue = "0", paramLabel = "FRACTION",
        description = "share of the deliveries that repeat one of the last 1,000 events, same bytes (default: ${DEFAULT-VALUE})")
    double duplicates;

    @CommandLine.Option(names = "--broken", defaultValue = "0", paramLabel = "FRACTION",
        description = "share of the deliveries that are broken lines EVENTS.md rejects; not with --gateway (default: ${DEFAULT-VALUE})")
    double broken;

    @CommandLine.Option(names = "--seed", defaultValue = "1", description = "the same seed gives the same events (default: ${DEFAULT-VALUE})")
    long seed;

    @CommandLine.Option(names = "--start", paramLabel = "TIMESTAMP",
        description = "simulated start, e.g. 2026-03-02T00:00:00+07:00 (default: that without --day-length, now with it)")
    OffsetDateTime start;

    @CommandLine.Option(names = "--run-id", description = "prefix of case, feedback and event ids (default: from seed and start)")
    String runId;

    @CommandLine.Option(names = "--progress-every", defaultValue = "5s", paramLabel = "DURATION", converter = Durations.Converter.class,
        description = "progress log interval (default: ${DEFAULT-VALUE})")
    Duration progressEvery;

    /** Where the API key and the calendar override are read from: the process environment, or a map in tests. */
    UnaryOperator<String> environment = System::getenv;

    public static void main(final String[] args) {
        System.exit(commandLine(new SimulatorCommand()).execute(args));
    }

    /** The command with its failures logged as one line (the gateway refused the key, the broker is gone...), exit code 1. */
    static CommandLine commandLine(final SimulatorCommand command) {
        return new CommandLine(command).setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            LOG.error("simulation failed: {}", e.getMessage(), e);
            return 1;
        });
    }

    @Override
    public Integer call() throws Exception {
        final ProvinceConfig province = readConfig();
        final Clock clock = Clock.systemUTC();
        final Duration day = dayLength;
        final boolean live = day != null;
        if (live && "max".equals(rate)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--rate max cannot be live: drop --day-length or give a number");
        }
        if (destination.output != null && events == null && duration == null) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--output needs --events or --duration");
        }
        checkFaults();
        final Instant simulatedStart = start != null ? start.toInstant()
            : live ? clock.instant().truncatedTo(ChronoUnit.SECONDS) : DEFAULT_HISTORY_START.toInstant();
        final Timeline timeline = live ? new Timeline(simulatedStart, clock.instant().truncatedTo(ChronoUnit.MILLIS), day)
            : Timeline.realTime(simulatedStart);
        final Province resolved = new Province(province);
        final OfficeHours officeHours = new OfficeHours(province.officeHours(), workingCalendar());
        final double eventsPerSecond = eventsPerSecond();
        final double casesPerWorkingDay = live && eventsPerSecond > 0
            ? casesPerWorkingDayFor(eventsPerSecond, day, resolved, officeHours, VietnamTime.localDate(simulatedStart))
            : province.casesPerWorkingDay();
        final String ids = runId != null ? runId : "sim" + seed + "-"
            + DateTimeFormatter.ofPattern("yyMMddHHmmss", Locale.ROOT).format(simulatedStart.atZone(VietnamTime.ZONE));
        final Deliveries deliveries = new Deliveries(new EventStream(resolved, officeHours, timeline, seed, casesPerWorkingDay, ids),
            duplicates, broken, seed);
        final Simulation.Pacing pacing = live ? new Simulation.Pacing.Live()
            : eventsPerSecond > 0 ? new Simulation.Pacing.Rate(eventsPerSecond) : new Simulation.Pacing.Unpaced();
        try (EventSink sink = sink()) {
            final Simulation simulation = new Simulation(deliveries, sink, pacing, events == null ? Long.MAX_VALUE : events,
                duration, progressEvery, clock);
            LOG.info("simulating {} ({} units, {} cases per working day, {}) from {} to {}", province.province(),
                province.units().size(), Math.round(casesPerWorkingDay),
                live ? "a day lasts " + day : pacing instanceof Simulation.Pacing.Rate r ? r.perSecond() + " events/s" : "unpaced",
                simulatedStart.atZone(VietnamTime.ZONE).toOffsetDateTime(), describe());
            runStoppable(simulation);
        }
        return 0;
    }

    /** Fractions that leave room for events, and no broken line for the ingest client, which sends event objects only. */
    private void checkFaults() {
        if (duplicates < 0 || broken < 0 || duplicates + broken >= 1) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                "--duplicates and --broken must be at least 0 and add up to less than 1");
        }
        if (destination.gateway != null && broken > 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--broken cannot go through --gateway: the ingest "
                + "client sends event objects, a broken line is none; use --output or --bootstrap");
        }
    }

    /** The --rate in events per second; 0 for none or 'max'. */
    private double eventsPerSecond() {
        if (rate == null || "max".equals(rate)) {
            return 0;
        }
        try {
            final double perSecond = Double.parseDouble(rate);
            if (perSecond > 0) {
                return perSecond;
            }
        } catch (final NumberFormatException e) {
            LOG.debug("--rate {} is not a number", rate);
        }
        throw new CommandLine.ParameterException(new CommandLine(this), "--rate must be a positive number or 'max', was '" + rate + "'");
    }

    /** Runs until the end, or until the JVM is asked to stop, in which case what is buffered is still delivered. */
    private static void runStoppable(final Simulation simulation) throws Exception {
        final CountDownLatch finished = new CountDownLatch(1);
        final Thread hook = new Thread(() -> {
            simulation.stop();
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "simulator-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            simulation.run();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (final IllegalStateException e) {
                LOG.debug("shutting down: the stop hook is already running");
            }
        }
    }

    /**
     * The arrival rate that gives {@code eventsPerSecond} on average when a day lasts {@code day}, over
     * the working days of the four weeks from {@code firstDay}.
     */
    private static double casesPerWorkingDayFor(final double eventsPerSecond, final Duration day, final Province province,
                                                final OfficeHours officeHours, final LocalDate firstDay) {
        final double eventsPerCase = EventStream.meanEventsPerCase(province, officeHours, 2000);
        final double workingDaysPerWeek = officeHours.calendar().workingDaysBetween(firstDay, firstDay.plusWeeks(4)) / 4.0;
        return eventsPerSecond * day.toMillis() / 1000.0 * 7 / workingDaysPerWeek / eventsPerCase;
    }

    /** The national working-day calendar, with the province's override when there is one. */
    private WorkingCalendar workingCalendar() {
        final String fromEnvironment = environment.apply(CALENDAR_OVERRIDE_ENV);
        final Path file = calendarOverride != null ? calendarOverride
            : fromEnvironment == null || fromEnvironment.isBlank() ? null : Path.of(fromEnvironment);
        if (file == null) {
            return WorkingCalendar.vietnam();
        }
        final CalendarOverride override = CalendarOverride.read(file);
        LOG.info("working-day calendar with the override of {} from {}: {} days off, {} working days", override.name(),
            file, override.daysOff().size(), override.workingDays().size());
        return WorkingCalendar.vietnam(override);
    }

    private ProvinceConfig readConfig() throws IOException {
        try (InputStream in = config != null ? Files.newInputStream(config)
            : SimulatorCommand.class.getResourceAsStream(SAMPLE_CONFIG)) {
            if (in == null) {
                throw new IOException("the bundled " + SAMPLE_CONFIG + " is missing");
            }
            return ProvinceConfig.read(in);
        }
    }

    private EventSink sink() throws IOException {
        if (destination.output != null) {
            return new FileSink(destination.output);
        }
        if (destination.bootstrap != null) {
            return new KafkaSink(destination.bootstrap, topic);
        }
        final String apiKey = environment.apply(apiKeyEnv);
        if (apiKey == null || apiKey.isBlank()) {
            throw new CommandLine.ParameterException(new CommandLine(this),
                "environment variable " + apiKeyEnv + " (--api-key-env) holds no API key");
        }
        return new GatewaySink(IngestClient.builder(destination.gateway, apiKey).batchSize(batchSize).build(), batchSize);
    }

    private String describe() {
        final String where = destination.output != null ? "file " + destination.output
            : destination.bootstrap != null ? "topic " + topic + " at " + destination.bootstrap
            : "gateway " + destination.gateway;
        return where + (events != null ? ", " + events + " events" : "") + (duration != null ? ", for " + duration : "")
            + (duplicates > 0 ? ", duplicates " + duplicates : "") + (broken > 0 ? ", broken " + broken : "");
    }
}
