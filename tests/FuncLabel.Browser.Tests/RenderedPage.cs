namespace FuncLabel.Browser.Tests;

/// <summary>What a report page looks like once Chromium has laid it out at one viewport width.</summary>
public sealed record RenderedPage(
    int ViewportWidth,
    double ScrollWidth,
    double ClientWidth,
    IReadOnlyList<RenderedChart> Charts,
    IReadOnlyList<string> Requests,
    string ScreenshotPath)
{
    public RenderedChart Chart(string id) => Charts.SingleOrDefault(c => c.Id == id)
        ?? throw new Xunit.Sdk.XunitException($"no chart '{id}' on the page (charts: {string.Join(", ", Charts.Select(c => c.Id))})");
}

/// <summary>One SVG chart as laid out: its id, orientation, rendered width and bars.</summary>
public sealed record RenderedChart(string Id, string Orientation, double Width, IReadOnlyList<RenderedBar> Bars);

/// <summary>One bar: the label and value it carries in its data attributes, and its size in CSS pixels on screen.</summary>
public sealed record RenderedBar(string Label, double Value, double Width, double Height);
