namespace FuncLabel.Functions.Security;

/// <summary>Whether the process runs in Azure App Service / Functions (the platform sets these variables).</summary>
internal static class AzureEnvironment
{
    public static bool IsAzure =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WEBSITE_INSTANCE_ID"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WEBSITE_SITE_NAME"));
}
