package vn.tthc.monitor.notifier.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import vn.tthc.monitor.contract.ContractJson;
import vn.tthc.monitor.notifier.testing.MailFixtures;

/**
 * The HTML part of every golden mail in the system's headless Chromium at a phone's width: the page asks for
 * nothing but itself (every request the page starts is in Chromium's performance log, and each one is the mail's
 * own file), it has no image, script, frame, stylesheet or form, nothing is wider than the screen; a screenshot
 * of each is saved under target/mail-screenshots for review. Host names resolve to nothing, so even a request
 * the log missed could not leave the machine.
 */
class MailHtmlInChromiumIT {

    private static final Path CHROMIUM = Path.of("/usr/lib/chromium/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path OUT = Path.of("target/mail-screenshots");

    private static ChromeDriver browser;

    @BeforeAll
    static void startChromium() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
            "needs Debian's chromium and chromium-driver");
        final LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        final ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
            .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-default-apps", "--host-resolver-rules=MAP * ~NOTFOUND",
                "--window-size=390,844");
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
            .build(), options);
        browser.manage().window().setSize(new Dimension(390, 844));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void everyMailRendersOnAPhoneWithoutARemoteRequest() throws IOException {
        Files.createDirectories(OUT);
        for (final Map.Entry<String, Message> mail : MailFixtures.mails().entrySet()) {
            final Path page = OUT.resolve(mail.getKey() + ".html").toAbsolutePath();
            Files.writeString(page, mail.getValue().html(), StandardCharsets.UTF_8);
            browser.manage().logs().get(LogType.PERFORMANCE); // what came before this page
            browser.get(page.toUri().toString());

            final JavascriptExecutor js = browser;
            assertThat(browser.getTitle()).as(mail.getKey()).isEqualTo(mail.getValue().subject());
            assertThat(js.executeScript("return document.querySelectorAll("
                + "'img,script,iframe,object,embed,link,style,video,audio,source,form').length"))
                .as("no element that loads or runs anything").isEqualTo(0L);
            assertThat(js.executeScript("return performance.getEntriesByType('resource').length"))
                .as("no resource loaded").isEqualTo(0L);
            assertThat(js.executeScript("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                .as(mail.getKey() + " fits a phone's width").isEqualTo(true);
            assertThat((String) js.executeScript("return document.body.innerText"))
                .as("the page shows the mail's greeting").contains(mail.getValue().document().greeting());
            final Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, OUT.resolve(mail.getKey() + ".png"), StandardCopyOption.REPLACE_EXISTING);
            assertThat(Files.size(OUT.resolve(mail.getKey() + ".png"))).isGreaterThan(1000);

            final List<String> requested = requestedUrls();
            assertThat(requested).as(mail.getKey() + ": the page loaded itself").contains(page.toUri().toString());
            assertThat(requested).as(mail.getKey() + ": and nothing else").allMatch(url -> url.equals(page.toUri().toString()));
        }
    }

    @Test
    void theChecksSeeARemoteImageAndAPageWiderThanThePhone() throws IOException {
        Files.createDirectories(OUT);
        final Path page = OUT.resolve("control-remote-image.html").toAbsolutePath();
        Files.writeString(page, "<!DOCTYPE html><html><head><meta name=\"viewport\" content=\"width=device-width\">"
            + "</head><body><div style=\"width:600px\">x</div><img src=\"http://tracker.example.org/p.png\">"
            + "</body></html>", StandardCharsets.UTF_8);
        browser.manage().logs().get(LogType.PERFORMANCE);
        browser.get(page.toUri().toString());

        assertThat(requestedUrls()).contains("http://tracker.example.org/p.png");
        assertThat(browser.executeScript(
            "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
            .as("a page wider than the phone is seen as such").isEqualTo(false);
    }

    /** The URLs of the requests the page started since the log was last read (Network.requestWillBeSent). */
    private static List<String> requestedUrls() throws IOException {
        final List<String> urls = new ArrayList<>();
        for (final LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
            final JsonNode message = ContractJson.mapper().readTree(entry.getMessage()).path("message");
            if ("Network.requestWillBeSent".equals(message.path("method").asText())) {
                urls.add(message.path("params").path("request").path("url").asText());
            }
        }
        return urls;
    }
}
