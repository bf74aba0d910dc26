package org.newsgraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.apache.jena.query.QuerySolution;
import org.newsgraph.BuildListener;
import org.newsgraph.Fixtures;
import org.newsgraph.rdf.NG;
import org.newsgraph.store.CannedQueries;
import org.newsgraph.store.KnowledgeStore;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives the Fuseki web console in a real headless Chromium, as a researcher would: opens a canned query from
 * /queries in the editor, runs it and reads the answer table. .ci/run installs chromium and chromedriver.
 */
class ConsoleBrowserTest {

    static final Path CHROMIUM = Path.of(System.getProperty("newsgraph.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("newsgraph.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path tmp;
    static KnowledgeStore store;
    static NewsgraphServer server;
    static WebDriver browser;

    @BeforeAll
    static void start() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String install = "The console tests need " + CHROMIUM + " and " + CHROMEDRIVER
                + ": apt-get install chromium chromium-driver";
        // CI must run them (.ci/run installs the browser); elsewhere a missing browser skips them.
        if (System.getenv("CI") != null) {
            assertTrue(present, install);
        }
        Assumptions.assumeTrue(present, install);
        store = KnowledgeStore.open(tmp.resolve("db"));
        Fixtures.newsgraph().build(Fixtures.ARTICLES, store, BuildListener.NONE);
        server = NewsgraphServer.create().dataset(store.dataset().asDatasetGraph()).port(0).build().start();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1400", "--user-data-dir=" + tmp.resolve("chromium-profile").toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void aCannedQueryOpensFromTheQuestionsPageAndRunsInTheConsole() throws IOException {
        browser.get(server.url() + "/queries");
        List<String> listed = browser.findElements(By.cssSelector("li[id]")).stream()
                .map(e -> e.getAttribute("id")).toList();
        assertEquals(CannedQueries.bundled().all().stream().map(CannedQueries.CannedQuery::name).toList(), listed);

        browser.findElement(By.cssSelector("li#recognitions a.open")).click();
        String editor = waitFor(Duration.ofSeconds(30), () -> {
            Object v = ((JavascriptExecutor) browser).executeScript(
                    "var cm = document.querySelector('.yasqe .CodeMirror'); return cm ? cm.CodeMirror.getValue() : null;");
            return v != null && v.toString().contains("SELECT") ? v.toString() : null;
        });
        assertEquals(CannedQueries.bundled().byName("recognitions").orElseThrow().text().strip(), editor.strip(),
                "the console's editor holds the canned query");

        List<List<String>> rows = runInConsole(null);
        screenshot("console-recognitions.png");
        assertShowsTheStoreRows(CannedQueries.bundled().byName("recognitions").orElseThrow().text(), rows);
    }

    @Test
    void fromTheFrontPageACannedQueryTypedIntoKgShowsItsRows() throws IOException {
        browser.get(server.url() + "/");
        // The front page lists the datasets; pick /kg's query tab.
        By kgQuery = By.xpath("//tr[td[normalize-space(.)='/kg']]//*[self::a or self::button][normalize-space(.)='query']");
        waitFor(Duration.ofSeconds(30), () -> clickable(kgQuery));
        browser.findElement(kgQuery).click();
        String deployments = CannedQueries.bundled().byName("deployments").orElseThrow().text();
        List<List<String>> rows = runInConsole(deployments);
        screenshot("console-deployments.png");
        assertShowsTheStoreRows(deployments, rows);
    }

    @Test
    void aQueryTypedIntoTheConsoleCountsTheEvents() {
        browser.get(server.url() + "/#/dataset/kg/query");
        String count = "SELECT (COUNT(*) AS ?events) WHERE { ?e a <" + NG.Event.getURI() + "> }";
        List<List<String>> rows = runInConsole(count);
        String expected = Fixtures.str(Fixtures.rows(store.select(count)).get(0), "events");
        assertEquals(1, rows.size());
        assertTrue(rows.get(0).stream().anyMatch(c -> c.equals(expected) || c.startsWith("\"" + expected + "\"")),
                rows + " should hold " + expected);
    }

    @Test
    void theDatasetPageCountsTheTriplesOfEveryGraph() throws IOException {
        browser.get(server.url() + "/#/dataset/kg/info");
        // The info page counts on request: press its "count triples" button and wait for its table to fill.
        waitFor(Duration.ofSeconds(30), () -> clickable(By.xpath("//button[contains(., 'ount triples')]")));
        browser.findElement(By.xpath("//button[contains(., 'ount triples')]")).click();
        // It asks first, since counting can load a large dataset.
        By submit = By.xpath("//div[contains(@class,'popover')]//button[normalize-space(.)='submit']");
        waitFor(Duration.ofSeconds(10), () -> clickable(submit));
        browser.findElement(submit).click();
        List<List<String>> rows = waitFor(Duration.ofSeconds(60), () -> {
            List<List<String>> r = tableRows(By.xpath("//table[.//th[contains(., 'graph name')]]"));
            return r.stream().anyMatch(row -> row.get(0).startsWith("http")) ? r : null;
        });
        screenshot("console-dataset-info.png");
        // The table shows a page of graphs; each graph shown must hold as many triples as the store says.
        int checked = 0;
        for (List<String> row : rows) {
            String graph = row.get(0).replaceAll("\\s", "");
            if (graph.startsWith("http")) {
                String expected = Fixtures.str(Fixtures.rows(store.select(
                        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + graph + "> { ?s ?p ?o } }")).get(0), "n");
                assertEquals(expected, row.get(1).replace(",", ""), "triples in " + graph);
                checked++;
            }
        }
        assertTrue(checked >= 3, "the page lists the named graphs: " + rows);
    }

    /** The console shows, row by row, every literal the same query gives over the store (the order is the query's). */
    private void assertShowsTheStoreRows(String query, List<List<String>> rows) {
        List<QuerySolution> solutions = Fixtures.rows(store.select(query));
        assertTrue(solutions.size() >= 1, "the fixtures answer the query");
        assertEquals(solutions.size(), rows.size(), "one console row per row of the query over the store");
        for (int i = 0; i < solutions.size(); i++) {
            QuerySolution s = solutions.get(i);
            List<String> row = rows.get(i);
            s.varNames().forEachRemaining(v -> {
                if (s.get(v).isLiteral()) {
                    String value = s.getLiteral(v).getLexicalForm();
                    assertTrue(row.stream().anyMatch(c -> c.contains(value)), row + " should show " + v + " = " + value);
                }
            });
        }
    }

    /** Sets the editor's text (unless null), presses run, and returns the rows of the answer table. */
    private List<List<String>> runInConsole(String query) {
        waitFor(Duration.ofSeconds(30), () -> clickable(By.cssSelector(".yasqe_queryButton")));
        if (query != null) {
            ((JavascriptExecutor) browser).executeScript(
                    "document.querySelector('.yasqe .CodeMirror').CodeMirror.setValue(arguments[0]);", query);
        }
        browser.findElement(By.cssSelector(".yasqe_queryButton")).click();
        return waitFor(Duration.ofSeconds(60), () -> {
            List<List<String>> r = tableRows(By.cssSelector(".yasr table"));
            return r.isEmpty() ? null : r;
        });
    }

    /** The non-empty body rows of the first table matched, as cell texts; empty while it is being redrawn. */
    private List<List<String>> tableRows(By table) {
        try {
            List<List<String>> out = new ArrayList<>();
            for (WebElement t : browser.findElements(table)) {
                for (WebElement tr : t.findElements(By.cssSelector("tbody tr"))) {
                    List<String> cells = tr.findElements(By.tagName("td")).stream().map(WebElement::getText)
                            .map(String::strip).toList();
                    if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                        out.add(cells);
                    }
                }
            }
            return out;
        } catch (StaleElementReferenceException e) {
            return List.of();
        }
    }

    private Boolean clickable(By by) {
        List<WebElement> found = browser.findElements(by);
        return !found.isEmpty() && found.get(0).isDisplayed() && found.get(0).isEnabled() ? Boolean.TRUE : null;
    }

    private <T> T waitFor(Duration timeout, java.util.function.Supplier<T> condition) {
        try {
            return new WebDriverWait(browser, timeout).ignoring(StaleElementReferenceException.class)
                    .until(d -> condition.get());
        } catch (org.openqa.selenium.TimeoutException e) {
            // Leave the page behind for whoever reads the failure.
            try {
                screenshot("failed-" + System.currentTimeMillis() + ".png");
            } catch (IOException | RuntimeException ignored) {
                e.addSuppressed(ignored);
            }
            throw e;
        }
    }

    private void screenshot(String name) throws IOException {
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
