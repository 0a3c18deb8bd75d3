package vn.tthc.monitor.tools.dvcqg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import vn.tthc.monitor.contract.event.EventParser;
import vn.tthc.monitor.contract.event.Identifiers;
import vn.tthc.monitor.contract.event.ParseResult;
import vn.tthc.monitor.contract.org.InvalidOrganisationException;
import vn.tthc.monitor.gateway.status.CaseStatusMemory;
import vn.tthc.monitor.gateway.status.FieldTable;
import vn.tthc.monitor.gateway.status.MappingFiles;
import vn.tthc.monitor.gateway.status.StatusMapping;
import vn.tthc.monitor.gateway.status.SyncMapper;
import vn.tthc.monitor.gateway.status.SyncMessage;

/**
 * {@code ./tthc import-dvcqg}: saved national portal sync messages in, canonical events out. Reads each FILE
 * (one message per {@code .json} file, one per line of a {@code .jsonl}/{@code .ndjson} file), maps it with the
 * gateway's own {@link SyncMapper} for {@code --source}, and appends the events to {@code --output} (JSON Lines,
 * for {@code ./tthc replay}) or sends them to the events topic at {@code --bootstrap}; prints progress and a
 * summary of mapped / assumed / ignored / rejected records to stderr (Vietnamese: people read it).
 */
public final class DvcqgImport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;
    private static final String USAGE = """
        Cách dùng: ./tthc import-dvcqg --source NGUON (--output SU_KIEN.jsonl | --bootstrap HOST:PORT [--topic TEN])
                   [--units TEP.yaml] [--fields TEP.csv] [--reception-defaults TEP.yaml]
                   [--online-eligible-procedures MA,MA] [--ma-dinh-danh-dv MA] [--case-memory SO] TEP...
          TEP: thông điệp đồng bộ đã lưu (DongBoHoSoMC, CapNhatTienDoHoSoMC hoặc mảng hồ sơ): một thông điệp
               mỗi tệp .json, một thông điệp mỗi dòng với tệp .jsonl / .ndjson
          --source              nguồn (source) của các sự kiện, như khóa API của hệ thống gửi
          --output              ghi sự kiện vào tệp JSON Lines (thêm vào cuối) cho ./tthc replay
          --bootstrap, --topic  gửi sự kiện vào topic sự kiện (mặc định tthc-events)
          --units               tệp tổ chức (mặc định TTHC_UNITS_FILE, rồi config/units.yaml nếu có)
          --fields              bảng lĩnh vực thay bảng kèm theo; --reception-defaults: kênh và DVC toàn trình
          --ma-dinh-danh-dv     MaDinhDanhDV của các thông điệp (khi lúc gửi nó nằm trong query string)
        """;

    private final Options options;
    private final PrintStream console;
    private final SyncMapper mapper;
    private final EventSink sink;
    private final ImportSummary summary = new ImportSummary();
    private long lastProgress = System.nanoTime();

    private DvcqgImport(final Options options, final PrintStream console, final EventSink sink) {
        this.options = options;
        this.console = console;
        this.sink = sink;
        final MappingFiles files = new MappingFiles(options.units, options.fields, options.receptionDefaults);
        this.mapper = new SyncMapper(files.mapping(options.onlineEligibleProcedures),
            new CaseStatusMemory(options.caseMemory));
        final Path units = files.units();
        console.println("tệp tổ chức: " + (units == null ? "không có (DonViXuLy được dùng làm unitId)" : units)
            + "; bảng lĩnh vực: " + (options.fields == null ? "bảng kèm theo (" + FieldTable.SHIPPED + ")" : options.fields)
            + "; mặc định tiếp nhận: " + (options.receptionDefaults == null ? "không có" : options.receptionDefaults));
    }

    public static void main(final String[] args) {
        // the gateway's jar on the classpath has a logback.xml of its own (JSON lines to stdout)
        System.setProperty("logback.configurationFile", "dvcqg-import-logback.xml");
        System.exit(run(args, System.err));
    }

    /** Runs the import; 0 when every file was read, 1 when one could not be, 2 for wrong arguments. */
    static int run(final String[] args, final PrintStream console) {
        final Options options;
        try {
            options = Options.parse(args);
        } catch (final IllegalArgumentException e) {
            console.println(e.getMessage());
            console.print(USAGE);
            return 2;
        }
        try (EventSink sink = options.output != null ? EventSink.file(Path.of(options.output))
            : EventSink.kafka(options.bootstrap, options.topic)) {
            final DvcqgImport importer = new DvcqgImport(options, console, sink);
            for (final String file : options.files) {
                importer.importFile(Path.of(file));
            }
            console.print(importer.summary.text());
            return 0;
        } catch (final IOException | UncheckedIOException e) {
            console.println("lỗi: không đọc hoặc ghi được: " + e.getMessage());
            return 1;
        } catch (final IllegalArgumentException | IllegalStateException | InvalidOrganisationException e) {
            console.println("lỗi: " + e.getMessage());
            return 1;
        }
    }

    private void importFile(final Path file) throws IOException {
        final String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                int number = 0;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    number++;
                    if (!line.isBlank()) {
                        importMessage(file + ":" + number, line.getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        } else {
            importMessage(file.toString(), Files.readAllBytes(file));
        }
        console.println(file + ": " + summary.progress());
    }

    private void importMessage(final String where, final byte[] text) throws IOException {
        summary.message();
        final SyncMessage message;
        try {
            message = SyncMessage.of(JSON.readTree(text), new SyncMessage.QueryValues(null, null, options.unitCode));
        } catch (final JsonProcessingException e) {
            summary.unreadable(where, "không phải JSON");
            return;
        } catch (final SyncMessage.InvalidMessage e) {
            summary.unreadable(where, e.getMessage());
            return;
        }
        final List<SyncMapper.MappedItem> items = mapper.map(options.source, message);
        for (final SyncMapper.MappedItem item : items) {
            int written = 0;
            for (final StatusMapping.MappedEvent event : item.events()) {
                final ParseResult parsed = EventParser.parse(event.json());
                if (parsed instanceof ParseResult.Valid valid) {
                    sink.write(valid.event().key(), event.json());
                    written++;
                } else {
                    summary.eventRejected(where, ((ParseResult.Rejected) parsed).reason());
                }
            }
            summary.item(where, item, written);
        }
        sink.flush();
        mapper.acknowledge(options.source, items, id -> true);
        if (System.nanoTime() - lastProgress > PROGRESS_EVERY_NANOS) {
            lastProgress = System.nanoTime();
            console.println(summary.progress());
        }
    }

    /** The command line. */
    private static final class Options {
        private String source;
        private String output;
        private String bootstrap;
        private String topic = "tthc-events";
        private String units = System.getenv("TTHC_UNITS_FILE");
        private String fields;
        private String receptionDefaults;
        private List<String> onlineEligibleProcedures = List.of();
        private String unitCode;
        private long caseMemory = 1_000_000;
        private final List<String> files = new ArrayList<>();

        static Options parse(final String[] args) {
            final Options options = new Options();
            for (int i = 0; i < args.length; i++) {
                final String arg = args[i];
                if (!arg.startsWith("--")) {
                    options.files.add(arg);
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("thiếu giá trị sau " + arg);
                }
                final String value = args[++i];
                switch (arg) {
                    case "--source" -> options.source = value;
                    case "--output" -> options.output = value;
                    case "--bootstrap" -> options.bootstrap = value;
                    case "--topic" -> options.topic = value;
                    case "--units" -> options.units = value;
                    case "--fields" -> options.fields = value;
                    case "--reception-defaults" -> options.receptionDefaults = value;
                    case "--online-eligible-procedures" -> options.onlineEligibleProcedures =
                        Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
                    case "--ma-dinh-danh-dv" -> options.unitCode = value;
                    case "--case-memory" -> options.caseMemory = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("tùy chọn không rõ: " + arg);
                }
            }
            if (options.source == null || Identifiers.problem(options.source) != null) {
                throw new IllegalArgumentException("cần --source, một mã nguồn hợp lệ");
            }
            if ((options.output == null) == (options.bootstrap == null)) {
                throw new IllegalArgumentException("cần đúng một trong --output và --bootstrap");
            }
            if (options.files.isEmpty()) {
                throw new IllegalArgumentException("cần ít nhất một tệp thông điệp");
            }
            return options;
        }
    }

    /** Where the events go: an events file or the events topic, keyed by the contract's key. */
    interface EventSink extends AutoCloseable {

        void write(String key, byte[] event) throws IOException;

        /** Returns once every event written so far is stored (written out, or acknowledged by the broker). */
        void flush() throws IOException;

        @Override
        void close() throws IOException;

        static EventSink file(final Path path) throws IOException {
            final OutputStream out = Files.newOutputStream(path, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
            return new EventSink() {
                @Override
                public void write(final String key, final byte[] event) throws IOException {
                    out.write(event);
                    out.write('\n');
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    out.close();
                }
            };
        }

        static EventSink kafka(final String bootstrap, final String topic) {
            return new KafkaEventSink(bootstrap, topic);
        }
    }
}
