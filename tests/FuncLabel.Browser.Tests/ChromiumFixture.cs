using Microsoft.Playwright;

namespace FuncLabel.Browser.Tests;

/// <summary>One headless Chromium for the test class, launched through Playwright from the system executable.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    public IBrowser Browser => browser ?? throw new InvalidOperationException(
        $"chromium was not launched (not found: {ChromiumExecutable.InstallHint})");

    public async Task InitializeAsync()
    {
        if (ChromiumExecutable.Path is not { } executable)
        {
            // Leaves Browser unset: on CI every test then fails with the install hint; elsewhere they are skipped.
            return;
        }

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = true });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
    }
}
