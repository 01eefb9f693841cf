using FuncLabel.Functions.Invocation;

namespace FuncLabel.Functions.Declarations;

/// <summary>
/// One Azure Function: its name (the folder of its <c>function.json</c> and the path the host POSTs
/// invocations to), its trigger, and the handler type that serves it. The one place a function is
/// declared; <c>function.json</c> files and the handler's <c>POST /{Name}</c> routes are made from it.
/// </summary>
public sealed record FunctionDeclaration
{
    private FunctionDeclaration(string name, Trigger trigger, Type? handler)
    {
        if (string.IsNullOrEmpty(name) || !name.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"A function name is ASCII letters and digits: '{name}'.", nameof(name));
        }

        Name = name;
        Trigger = trigger;
        Handler = handler;
    }

    public string Name { get; }

    public Trigger Trigger { get; }

    /// <summary>The <see cref="IQueueFunction"/> or <see cref="ITimerFunction"/>; null for the forwarded HTTP function.</summary>
    public Type? Handler { get; }

    public static FunctionDeclaration Http(string name) => new(name, new HttpCatchAllTrigger(), null);

    public static FunctionDeclaration Queue<THandler>(string name, string queueName)
        where THandler : class, IQueueFunction => new(name, new QueueTrigger(queueName), typeof(THandler));

    public static FunctionDeclaration Timer<THandler>(string name, string schedule, bool runOnStartup = false)
        where THandler : class, ITimerFunction => new(name, new TimerTrigger(schedule, runOnStartup), typeof(THandler));
}
