using FuncLabel.Data.Outbox;

namespace FuncLabel.Functions.Outbox;

/// <summary>The outbox: the state writer every feature saves through, the relay that performs side effects, and the sweep.</summary>
internal static class OutboxRegistration
{
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddSingleton<OutboxFaults>();
        services.AddSingleton<OutboxRelay>();
        services.AddSingleton<StateWriter>();
        services.AddSingleton<OutboxSweep>();

        // The timer class, also resolved by tests that run the sweep themselves.
        services.AddScoped<OutboxSweepFunction>();
        return services;
    }
}
