using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FuncLabel.TestWorker;

/// <summary>
/// The Worker SDK generates start-up classes (the function metadata provider and the direct function executor) that the
/// worker finds in the process's entry assembly. Hosted inside another process (a test), the entry assembly is that
/// process's, so they are applied here from this assembly instead; without them the worker falls back to reading
/// functions.metadata, whose bindings it does not classify the same way (HTTP requests are then never paired).
/// </summary>
internal static class GeneratedStartup
{
    public static void ApplyWhenHostedElsewhere(Microsoft.Azure.Functions.Worker.Builder.FunctionsApplicationBuilder builder)
    {
        var assembly = typeof(GeneratedStartup).Assembly;
        if (Assembly.GetEntryAssembly() == assembly)
        {
            return;
        }

        var adapter = new ServicesOnlyHostBuilder(builder);
        foreach (var type in assembly.GetTypes().Where(t => typeof(IAutoConfigureStartup).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false }))
        {
            ((IAutoConfigureStartup)Activator.CreateInstance(type)!).Configure(adapter);
        }
    }

    /// <summary>An <see cref="IHostBuilder"/> that applies service registrations at once; the generated code registers services only.</summary>
    private sealed class ServicesOnlyHostBuilder(Microsoft.Azure.Functions.Worker.Builder.FunctionsApplicationBuilder builder) : IHostBuilder
    {
        public IDictionary<object, object> Properties => builder.Properties;

        public IHostBuilder ConfigureServices(Action<HostBuilderContext, IServiceCollection> configureDelegate)
        {
            configureDelegate(new HostBuilderContext(Properties) { Configuration = builder.Configuration, HostingEnvironment = builder.Environment }, builder.Services);
            return this;
        }

        public IHost Build() => throw new NotSupportedException();

        public IHostBuilder ConfigureAppConfiguration(Action<HostBuilderContext, IConfigurationBuilder> configureDelegate) => throw new NotSupportedException();

        public IHostBuilder ConfigureContainer<TContainerBuilder>(Action<HostBuilderContext, TContainerBuilder> configureDelegate) => throw new NotSupportedException();

        public IHostBuilder ConfigureHostConfiguration(Action<IConfigurationBuilder> configureDelegate) => throw new NotSupportedException();

        public IHostBuilder UseServiceProviderFactory<TContainerBuilder>(IServiceProviderFactory<TContainerBuilder> factory)
            where TContainerBuilder : notnull => throw new NotSupportedException();

        public IHostBuilder UseServiceProviderFactory<TContainerBuilder>(Func<HostBuilderContext, IServiceProviderFactory<TContainerBuilder>> factory)
            where TContainerBuilder : notnull => throw new NotSupportedException();
    }
}
