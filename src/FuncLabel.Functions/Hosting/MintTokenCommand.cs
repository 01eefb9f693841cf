using System.Text.Json;
using FuncLabel.Functions.Security;

namespace FuncLabel.Functions.Hosting;

/// <summary>
/// <c>FuncLabel.Functions mint-token --user alice [--admin] [--hours 8] [--settings local.settings.json]</c>:
/// prints a bearer token the local configuration accepts. The key is <c>Auth__DevSigningKey</c> from the
/// environment, else from the settings file's <c>Values</c>. Development only: the app refuses that key in Azure.
/// </summary>
internal static class MintTokenCommand
{
    public static bool TryRun(string[] args)
    {
        if (args.Length == 0 || args[0] != "mint-token")
        {
            return false;
        }

        string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var user = Option("--user");
        if (string.IsNullOrEmpty(user))
        {
            Console.Error.WriteLine("usage: mint-token --user ID [--admin] [--hours N] [--settings FILE]");
            Environment.ExitCode = 2;
            return true;
        }

        var key = Environment.GetEnvironmentVariable("Auth__DevSigningKey") ?? ReadKey(Option("--settings") ?? "local.settings.json");
        if (string.IsNullOrEmpty(key))
        {
            Console.Error.WriteLine("No Auth__DevSigningKey in the environment or the settings file.");
            Environment.ExitCode = 2;
            return true;
        }

        var hours = double.TryParse(Option("--hours"), System.Globalization.CultureInfo.InvariantCulture, out var h) ? h : 8;
        Console.WriteLine(DevTokens.Mint(key, user, args.Contains("--admin"), DateTimeOffset.UtcNow, TimeSpan.FromHours(hours)));
        return true;
    }

    private static string? ReadKey(string settingsFile)
    {
        if (!File.Exists(settingsFile))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(settingsFile));
        return document.RootElement.TryGetProperty("Values", out var values) && values.TryGetProperty("Auth__DevSigningKey", out var key)
            ? key.GetString()
            : null;
    }
}
