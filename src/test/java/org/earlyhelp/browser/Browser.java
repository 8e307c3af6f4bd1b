package org.earlyhelp.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * A headless Chromium for browser tests: Debian's Chromium and ChromeDriver, never a downloaded
 * browser. Without a browser the tests skip loudly, except under {@code CI=true}, where they fail.
 */
public final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The language a browser asks for unless a test chooses another. */
    private static final String DEFAULT_LANGUAGE = "en-GB";
    /** The window a browser opens with, and is given back for the next class. */
    private static final Dimension DEFAULT_WINDOW = new Dimension(1280, 900);

    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String language;
    /** The browser's own profile directory, removed when it closes. */
    private final Path profile;

    private Browser(ChromeDriver driver, String language, Path profile) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        this.language = language;
        this.profile = profile;
    }

    /** Starts a browser, or skips (fails under CI) when none can be had. */
    public static Browser open() {
        return open(DEFAULT_LANGUAGE);
    }

    /** Starts a browser that asks for pages in a language (its Accept-Language), such as a pseudo-locale. */
    public static Browser open(String language) {
        String chromium = env("EARLYHELP_CHROMIUM", "/usr/bin/chromium");
        String chromedriver = env("EARLYHELP_CHROMEDRIVER", "/usr/bin/chromedriver");
        if (!new File(chromium).canExecute() || !new File(chromedriver).canExecute()) {
            String message = "\n\n*** BROWSER TESTS SKIPPED: no Chromium at " + chromium + " or no ChromeDriver at "
                    + chromedriver + ". Install them with: apt-get install -y chromium chromium-driver ***\n";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + "Under CI=true the browser tests must run.");
            }
            System.err.println(message);
            Assumptions.abort(message);
        }
        System.setProperty("webdriver.chrome.driver", chromedriver);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--disable-default-apps",
                "--disable-extensions",
                "--no-default-browser-check",
                "--password-store=basic",
                "--disable-features=AutofillServerCommunication,PasswordLeakDetection,OptimizationHints,Translate,MediaRouter",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
                "--window-size=" + DEFAULT_WINDOW.getWidth() + "," + DEFAULT_WINDOW.getHeight(),
                "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        Path profile;
        try {
            profile = Files.createTempDirectory("earlyhelp-chromium");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        options.addArguments("--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException notStarted) {
            removeProfile(profile);
            throw notStarted;
        }
        // Every request, the page's own calls too, asks for the language. Only for another language
        // than the default: the DevTools network events then go to ChromeDriver for every request.
        if (!language.equals(DEFAULT_LANGUAGE)) {
            driver.executeCdpCommand("Network.enable", Map.of());
            driver.executeCdpCommand(
                    "Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Accept-Language", language)));
        }
        return new Browser(driver, language, profile);
    }

    /** Whether this browser asks for pages in the default language (British English). */
    public boolean inDefaultLanguage() {
        return language.equals(DEFAULT_LANGUAGE);
    }

    /**
     * Makes the browser as a new person finds it, for the next test class: no page open, no
     * cookie, nothing in the origins' storage, and the default window. What the browser has cached
     * (the application's scripts) stays, as it does for a person coming back. False when the
     * browser no longer answers; it is then closed.
     */
    public boolean resetForNextClass() {
        try {
            forgetWhoWasSignedIn();
            driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", "*", "storageTypes", "all"));
            driver.manage().window().setSize(DEFAULT_WINDOW);
            return true;
        } catch (RuntimeException broken) {
            close();
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Forgets every cookie of every site and path (Keycloak's session cookies included). */
    public void clearCookies() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    /**
     * Gives the browser cookies for the address's site, as if its server had set them (HTTP only, so
     * no script of the page reads them, as the portal sets its session cookie).
     */
    public void setCookies(String url, Map<String, String> cookies) {
        cookies.forEach((name, value) -> driver.executeCdpCommand(
                "Network.setCookie", Map.of("name", name, "value", value, "url", url, "path", "/", "httpOnly", true)));
    }

    /**
     * As a new person at the browser: leaves the page first, then forgets every cookie. A page of
     * the last person's session left open keeps asking the server for news; one such request
     * answered after the cookies are gone may set a new anonymous session cookie over the next
     * person's (the likely cause of a sign-in in CI whose home page never came).
     */
    public void forgetWhoWasSignedIn() {
        driver.get("about:blank");
        clearCookies();
    }

    public void go(String url) {
        driver.get(url);
    }

    /**
     * Opens another page of the application as a link in its menu does: through Vaadin's router in
     * the page already open, without loading the application again (about a quarter of a full load's
     * processor time in Chromium). Loads the page in full instead when no page of the application is
     * open, when the address is the one open now, or when the router has not arrived there within 10 s.
     */
    public void goWithinTheApplication(String url) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        String here = "location.pathname + location.search";
        Object target = js.executeScript("""
                const target = new URL(arguments[0], document.baseURI);
                const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                const open = !!clients && Object.keys(clients).length > 0;
                const path = target.pathname + target.search;
                return open && target.origin === location.origin && path !== %s ? path : null;""".formatted(here), url);
        if (target == null) {
            go(url);
            return;
        }
        // The router takes no navigation while the page is still talking to the server.
        waitUntilAnswered();
        js.executeScript(
                "window.dispatchEvent(new CustomEvent('vaadin-router-go', {detail: new URL(arguments[0], document.baseURI)}))",
                url);
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10))
                    .until(d -> target.equals(((JavascriptExecutor) d).executeScript("return " + here)));
        } catch (TimeoutException notThere) {
            go(url);
            return;
        }
        waitUntilAnswered();
    }

    /** What the page says (its text as shown), for a failure's message. */
    public String pageText() {
        return String.valueOf(driver.executeScript("return document.body ? document.body.innerText : ''"));
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    /** Waits for an element to be visible and returns it. */
    public WebElement waitFor(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * The open confirmation dialog's confirm button, once the dialog has finished opening, with the
     * pointer resting on it: an accessibility check then sees the button as someone about to press
     * it does (its hover colours), not as the pointer happened to lie.
     */
    public WebElement openConfirmation() {
        WebElement confirm = waitFor(By.cssSelector("vaadin-confirm-dialog[opened] [slot='confirm-button']"));
        waitUntilNoOverlayMoves();
        new Actions(driver).moveToElement(confirm).perform();
        return confirm;
    }

    /**
     * Waits until no overlay is fading in or out ({@code opening} or {@code closing}), in the page
     * or inside a dialog's shadow root, where Vaadin 25 keeps a dialog's overlay.
     */
    private void waitUntilNoOverlayMoves() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("""
                const moving = root => !!root.querySelector('[opening], [closing]');
                return !moving(document) && ![...document.querySelectorAll('vaadin-dialog, vaadin-confirm-dialog')]
                    .some(d => d.shadowRoot && moving(d.shadowRoot));""")));
    }

    /**
     * Waits until the page has nothing on its way to the server or back (Vaadin's client is idle):
     * what was typed and clicked has been handled. A test that then changes the server under the
     * page (ends its session, stops the database) does not do it in the middle of a request.
     */
    public void waitUntilAnswered() {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .withMessage("the page was still waiting for the server")
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("""
                        const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                        return !!clients && Object.values(clients)
                            .every(client => typeof client.isActive !== 'function' || !client.isActive());""")));
    }

    /** Waits until the current address starts with the given text. */
    public void waitForUrlStartingWith(String prefix) {
        wait.until(d -> d.getCurrentUrl() != null && d.getCurrentUrl().startsWith(prefix));
    }

    /**
     * What has keyboard focus, as {@code TAG#id: text}; for focus inside a web component, its host.
     * The text is also the closest card's ({@code section}) classes after a bar, so tests can say
     * which card: {@code H3#: Theme: school | home-section response}.
     */
    public String focused() {
        return (String) driver.executeScript("const a = document.activeElement;"
                + " if (!a) return '';"
                + " const card = a.closest('section');"
                + " return a.tagName + '#' + a.id + ': ' + (a.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 80)"
                + "   + (card ? ' | ' + card.className : '');");
    }

    /**
     * Waits up to 10 s for keyboard focus to pass the test (on {@link #focused()}), failing with what
     * had focus instead: after an action rebuilds the part of the page a person used, focus must
     * not fall to the page (WCAG 2.4.3).
     */
    public void waitForFocus(String expected, Predicate<String> test) {
        String[] last = {""};
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> test.test(last[0] = focused()));
        } catch (TimeoutException e) {
            throw new AssertionError("Focus should be on " + expected + ", but it is on \"" + last[0] + "\"", e);
        }
    }

    /**
     * Types into a text field or area by its id: found once present (a long form's field may be
     * below the fold), scrolled to, cleared, typed into, then left with Tab so its value is sent.
     */
    public void typeInto(String id, String text) {
        WebElement field = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#" + id + " > input, #" + id + " > textarea")));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, text, Keys.TAB);
    }

    public boolean isPresent(By by) {
        return !driver.findElements(by).isEmpty();
    }

    /** Sets a phone-sized or desktop window. */
    public void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves a screenshot of the page as it is now under {@code target/screenshots}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File file = driver.getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.move(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The file a download link gives, fetched in the signed-in browser as a person's click would:
     * checks it starts with UTF-8's byte-order mark, and returns the text after it.
     */
    @SuppressWarnings("unchecked")
    public String download(WebElement link) {
        List<Object> file = (List<Object>) ((JavascriptExecutor) driver)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0].href, {credentials: 'same-origin'})"
                                + ".then(r => r.arrayBuffer()).then(b => { const u = new Uint8Array(b);"
                                + " done([u[0], u[1], u[2], new TextDecoder('utf-8').decode(u.slice(3))]); },"
                                + " e => done(['failed: ' + e]));",
                        link);
        assertThat(file.subList(0, 3)).as("a byte-order mark").containsExactly(0xEFL, 0xBBL, 0xBFL);
        return (String) file.get(3);
    }

    /** The file a link downloads, as its bytes (a PDF, say). */
    public byte[] downloadBytes(WebElement link) {
        String encoded = (String) ((JavascriptExecutor) driver)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0].href, {credentials: 'same-origin'})"
                                + ".then(r => r.blob()).then(b => { const f = new FileReader();"
                                + " f.onload = () => done(f.result.substring(f.result.indexOf(',') + 1));"
                                + " f.readAsDataURL(b); }, e => done('failed: ' + e));",
                        link);
        return Base64.getDecoder().decode(encoded);
    }

    /** The page as the browser prints it (its print stylesheet applied), as PDF bytes. */
    public byte[] print() {
        return Base64.getDecoder()
                .decode(((PrintsPage) driver).print(new PrintOptions()).getContent());
    }

    /** A picture of one element only (a chart, say), scrolled into view first. */
    public Path screenshot(WebElement element, String name) {
        try {
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
            Files.createDirectories(SCREENSHOTS);
            File file = element.getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.move(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs axe-core on the page and fails on any serious or critical violation. */
    public void assertAccessible(String pageName) {
        // A dialog or overlay still fading in or out has half-blended colours, which fail any
        // contrast check by chance of timing: axe reads the page once none is.
        waitUntilNoOverlayMoves();
        // Only the violations are read: axe then gives one example each of what passed, was
        // incomplete or did not apply, instead of every element (its resultTypes option).
        AxeRunOptions options = new AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        // Our pages have no frames: axe runs in the page itself (its "legacy" mode). The default
        // gathers each frame's part and joins them in a window it opens, and took three times the
        // processor time for the same violations (3 s of Chromium's against 1 s on the hub's dashboard).
        boolean framed = Boolean.TRUE.equals(
                ((JavascriptExecutor) driver).executeScript("return document.querySelector('iframe, frame') !== null"));
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"))
                .withOptions(options)
                .setLegacyMode(!framed)
                .analyze(driver);
        List<Rule> blocking = results.getViolations().stream()
                .filter(v -> BLOCKING_IMPACTS.contains(v.getImpact()))
                .toList();
        String report = blocking.stream()
                .map(v -> v.getImpact() + " " + v.getId() + ": " + v.getHelp() + " at "
                        + v.getNodes().stream()
                                .map(n -> String.valueOf(n.getTarget()))
                                .collect(Collectors.joining("; ")))
                .collect(Collectors.joining("\n"));
        assertThat(blocking)
                .as("axe-core serious or critical violations on %s:%n%s", pageName, report)
                .isEmpty();
        assertNoSidewaysScroll(pageName);
        assertEveryWordTranslated(pageName);
        assertChartLabelsApart(pageName);
        assertNoGridTextCutOff(pageName);
    }

    /** Every grid cell shows its whole text: none is cut off with "..." (it wraps instead). */
    public void assertNoGridTextCutOff(String pageName) {
        Object cut = driver.executeScript("""
                const found = [];
                for (const c of document.querySelectorAll('vaadin-grid-cell-content')) {
                  if (c.offsetParent === null || !c.textContent.trim()) continue;
                  if (c.scrollWidth > c.clientWidth + 1) found.push(c.textContent.trim().substring(0, 60));
                }
                return found.slice(0, 10).join(' | ');
                """);
        assertThat(String.valueOf(cut)).as("%s cuts off grid texts", pageName).isEmpty();
    }

    /**
     * No two labels of a chart overlap and none is cut off at the chart's edge, measured in the
     * browser: each label's box as drawn (turned labels as turned quadrilaterals), tested pairwise.
     */
    public void assertChartLabelsApart(String pageName) {
        Object clashes = driver.executeScript("""
                const found = [];
                const corners = t => {
                  const b = t.getBBox(), m = t.getScreenCTM();
                  return [[b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]]
                    .map(([x, y]) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f]);
                };
                const apart = (p, q) => {
                  for (const poly of [p, q]) {
                    for (let i = 0; i < 4; i++) {
                      const [x1, y1] = poly[i], [x2, y2] = poly[(i + 1) % 4];
                      const nx = y2 - y1, ny = x1 - x2;
                      const proj = r => r.map(([x, y]) => nx * x + ny * y);
                      const a = proj(p), b = proj(q), len = Math.hypot(nx, ny) || 1;
                      if (Math.max(...a) <= Math.min(...b) + 0.5 * len || Math.max(...b) <= Math.min(...a) + 0.5 * len) return true;
                    }
                  }
                  return false;
                };
                for (const svg of document.querySelectorAll('svg.chart')) {
                  const frame = svg.getBoundingClientRect();
                  const labels = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim() && t.getBBox().width > 0);
                  const quads = labels.map(corners);
                  for (let i = 0; i < labels.length; i++) {
                    for (const [x, y] of quads[i]) {
                      if (x < frame.left - 1 || x > frame.right + 1 || y < frame.top - 1 || y > frame.bottom + 1) {
                        found.push('"' + labels[i].textContent + '" is cut off'); break;
                      }
                    }
                    for (let j = i + 1; j < labels.length; j++) {
                      if (!apart(quads[i], quads[j])) found.push('"' + labels[i].textContent + '" overlaps "' + labels[j].textContent + '"');
                    }
                  }
                }
                return found.slice(0, 10).join(' | ');
                """);
        assertThat(String.valueOf(clashes))
                .as("%s has chart labels that overlap", pageName)
                .isEmpty();
    }

    /**
     * Under a pseudo-locale, every word the page shows comes from the translation files: each
     * visible text with letters in {@code main}, and each label, placeholder and helper text, is
     * wrapped in ⟦ ⟧. The language picker (languages are named in their own words) is left out.
     */
    public void assertEveryWordFromTheFiles(String pageName) {
        Object bare = driver.executeScript("""
                const found = [];
                const main = document.querySelector('main');
                const skip = e => e.closest('#language, [translate="no"]');
                const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  const t = n.textContent.trim();
                  const e = n.parentElement;
                  if (!t || !/\\p{L}/u.test(t) || !e || skip(e) || e.closest('style, script, title')) continue;
                  if (e.offsetParent === null && getComputedStyle(e).position !== 'fixed') continue;
                  if (!t.includes('⟦')) found.push(t.substring(0, 80));
                }
                for (const e of main.querySelectorAll('[label], [placeholder], [helper-text], [aria-label]')) {
                  if (skip(e)) continue;
                  for (const a of ['label', 'placeholder', 'helper-text', 'aria-label']) {
                    const v = e.getAttribute(a);
                    if (v && /\\p{L}/u.test(v) && !v.includes('⟦')) found.push(a + ': ' + v.substring(0, 80));
                  }
                }
                return found.slice(0, 15).join(' | ');
                """);
        assertThat(String.valueOf(bare))
                .as("%s shows words that are not in the translation files", pageName)
                .isEmpty();
    }

    /**
     * Under a pseudo-locale, every word a staff page shows comes from the translation files: each
     * visible text with letters in the page (its navigation too), each label, placeholder, helper
     * text, error message and accessible name, each column header, and each visible notification.
     * What people entered or imported is data, not the page's words: the cells of a table's body,
     * a chart's labels, and anything marked {@code translate="no"} (names, addresses, the text a
     * person wrote) are left out, as are the language picker and the product's own name.
     */
    public void assertEveryStaffWordFromTheFiles(String pageName) {
        Object bare = driver.executeScript("""
                const found = [];
                const data = e => e.closest('#language, [translate="no"], svg, vaadin-grid-cell-content, vaadin-grid, .brand');
                const inBody = e => { const c = e.closest('vaadin-grid-cell-content'); if (!c) return false;
                  const slot = c.assignedSlot; const cell = slot && slot.parentElement; return !(cell && cell.closest('thead, tfoot')); };
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  const t = n.textContent.trim();
                  const e = n.parentElement;
                  if (!t || !/\\p{L}/u.test(t) || !e || e.closest('style, script, title, noscript')) continue;
                  if (e.closest('vaadin-grid-cell-content') ? inBody(e) : data(e)) continue;
                  if (e.offsetParent === null && getComputedStyle(e).position !== 'fixed' && !e.closest('vaadin-grid-cell-content')) continue;
                  if (!t.includes('⟦')) found.push(t.substring(0, 80));
                }
                for (const e of document.querySelectorAll('[label], [placeholder], [helper-text], [aria-label], [error-message], [title]')) {
                  // A field whose value is data still has the page's words as its label, helper and error.
                  const own = e.getAttribute('translate') === 'no';
                  if (data(e) && !own && !e.matches('vaadin-grid, svg')) continue;
                  for (const a of own ? ['label', 'helper-text', 'error-message'] : ['label', 'placeholder', 'helper-text', 'aria-label', 'error-message', 'title']) {
                    const v = e.getAttribute(a);
                    if (v && /\\p{L}/u.test(v) && !v.includes('⟦')) found.push(e.localName + ' ' + a + ': ' + v.substring(0, 80));
                  }
                }
                return [...new Set(found)].slice(0, 25).join(' | ');
                """);
        assertThat(String.valueOf(bare))
                .as("%s shows words that are not in the translation files", pageName)
                .isEmpty();
    }

    /**
     * The page is laid out right to left: the document says so, and the main heading's words
     * start at its right edge.
     */
    public void assertRightToLeft(String pageName) {
        Object report = driver.executeScript("""
                const h1 = document.querySelector('main h1');
                const box = h1.getBoundingClientRect();
                const style = getComputedStyle(h1);
                const range = document.createRange();
                range.selectNodeContents(h1);
                const text = range.getBoundingClientRect();
                const right = box.right - parseFloat(style.paddingRight);
                return document.documentElement.dir + ' ' + style.direction + ' ' + Math.round(right - text.right);
                """);
        assertThat(String.valueOf(report))
                .as("%s laid out right to left (dir, direction, gap at the right)", pageName)
                .isIn("rtl rtl 0", "rtl rtl 1", "rtl rtl -1");
    }

    /**
     * No label is missing from the translations: Vaadin writes a missing one as "!en: key" (or
     * "!{key}!"), in the page's text or in its components' labels and placeholders.
     */
    public void assertEveryWordTranslated(String pageName) {
        Object missing = driver.executeScript("""
                const found = [];
                const look = t => { if (t && (t.includes('!en:') || /!\\{[a-z0-9.-]+\\}!/i.test(t))) found.push(t.trim().substring(0, 120)); };
                look(document.body.innerText);
                for (const e of document.querySelectorAll('[label], [placeholder], [aria-label], [helper-text], [error-message]')) {
                  for (const a of ['label', 'placeholder', 'aria-label', 'helper-text', 'error-message']) { look(e.getAttribute(a)); }
                  look(e.label); look(e.helperText);
                }
                return found.join(' | ');
                """);
        assertThat(String.valueOf(missing))
                .as("%s shows untranslated labels", pageName)
                .isEmpty();
    }

    /**
     * WCAG 1.4.10 (reflow): the page does not scroll sideways at the window's width, neither the
     * document nor the main content; the widest offender is named when it does.
     */
    public void assertNoSidewaysScroll(String pageName) {
        assertThat(sideways()).as("%s scrolls sideways", pageName).isEmpty();
        // And on a phone: 390 px wide, then back to the window the test chose.
        Dimension chosen = driver.manage().window().getSize();
        if (chosen.getWidth() > 400) {
            driver.manage().window().setSize(new Dimension(390, 844));
            try {
                String onPhone = "";
                for (int i = 0; i < 10; i++) {
                    Thread.sleep(100);
                    onPhone = sideways();
                    if (onPhone.isEmpty()) {
                        break;
                    }
                }
                assertThat(onPhone)
                        .as("%s scrolls sideways on a phone", pageName)
                        .isEmpty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                driver.manage().window().setSize(chosen);
            }
        }
    }

    /** Why the page scrolls sideways at the window's width; empty when it does not. */
    private String sideways() {
        Object overflow = driver.executeScript("""
                const width = document.documentElement.clientWidth;
                const main = document.querySelector('main');
                const sideways = document.documentElement.scrollWidth > width + 1
                    || (main && main.scrollWidth > main.clientWidth + 1);
                if (!sideways) { return ''; }
                let widest = null, right = 0;
                for (const e of document.querySelectorAll('main *')) {
                  const r = e.getBoundingClientRect();
                  if (r.right > right) { right = r.right; widest = e; }
                }
                return 'window ' + width + ' px, page ' + document.documentElement.scrollWidth + ' px, main '
                    + (main ? main.scrollWidth + '/' + main.clientWidth : '-') + ' px; widest: '
                    + (widest ? widest.tagName + '#' + widest.id + '.' + widest.className + ' to ' + Math.round(right) : '-');
                """);
        return String.valueOf(overflow);
    }

    /** The directory this browser keeps its profile in (its cache, cookies and storage). */
    Path profile() {
        return profile;
    }

    /**
     * Quits the browser and removes its profile directory, so that runs on a machine that is kept
     * (as CI's is) do not fill its temporary directory with profiles and their caches.
     */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            removeProfile(profile);
        }
    }

    private static void removeProfile(Path profile) {
        try {
            FileSystemUtils.deleteRecursively(profile);
        } catch (IOException leftBehind) {
            System.err.println("Could not remove the browser profile " + profile + ": " + leftBehind);
        }
    }
}
