using System.Text.Json;
using Microsoft.Playwright;

namespace FuncLabel.Browser.Tests;

/// <summary>
/// Opens a report page file in Chromium at a given viewport width, saves a full-page screenshot next to it and
/// measures what the tests check: the document's scroll and client widths (horizontal page overflow), every
/// request the page made (a self-contained page makes none beyond itself), and each chart bar's data attributes
/// with its rendered box (getBoundingClientRect, CSS pixels, after the viewBox scaling).
/// </summary>
internal static class ReportPageProbe
{
    private const string Measure =
        """
        () => JSON.stringify({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
          charts: [...document.querySelectorAll('svg[data-chart]')].map(svg => ({
            id: svg.dataset.chart,
            orientation: svg.dataset.orientation,
            width: svg.getBoundingClientRect().width,
            bars: [...svg.querySelectorAll('rect.bar')].map(rect => {
              const box = rect.getBoundingClientRect();
              return { label: rect.dataset.label, value: Number(rect.dataset.value), width: box.width, height: box.height };
            }),
          })),
        })
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Desktop and phone widths the tests render at; 375 px is an iPhone-sized portrait screen.</summary>
    public static readonly int[] Widths = [1280, 375];

    public static async Task<RenderedPage> OpenAsync(IBrowser browser, string htmlPath, int width, CancellationToken cancellationToken)
    {
        var phone = width < 600;
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = phone ? 812 : 900 },
            IsMobile = phone,
            HasTouch = phone,
            DeviceScaleFactor = 1,
        });
        var page = await context.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        cancellationToken.ThrowIfCancellationRequested();
        await page.GotoAsync(new Uri(htmlPath).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        var measured = JsonSerializer.Deserialize<Measurement>(await page.EvaluateAsync<string>(Measure), Json)
            ?? throw new InvalidOperationException("the page measurement script returned null");
        var screenshot = Path.ChangeExtension(htmlPath, $"{width}px.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        cancellationToken.ThrowIfCancellationRequested();
        return new RenderedPage(
            width,
            measured.ScrollWidth,
            measured.ClientWidth,
            measured.Charts,
            requests,
            screenshot);
    }

    private sealed record Measurement(double ScrollWidth, double ClientWidth, RenderedChart[] Charts);
}
