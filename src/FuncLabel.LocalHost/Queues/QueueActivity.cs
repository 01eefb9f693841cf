using System.Collections.Concurrent;

namespace FuncLabel.LocalHost.Queues;

/// <summary>
/// Tells a queue's listener that the local host itself just put a message on it (an output binding, the blob
/// watcher), so it polls at once instead of waiting out its back-off — the host's <c>SharedQueueWatcher</c> does the same.
/// </summary>
internal sealed class QueueActivity
{
    private readonly ConcurrentDictionary<string, Action> _listeners = new(StringComparer.Ordinal);

    public IDisposable Watch(string queueName, Action onMessageAdded)
    {
        _listeners[queueName] = onMessageAdded;
        return new Registration(() => _listeners.TryRemove(queueName, out _));
    }

    public void MessageAdded(string queueName)
    {
        if (_listeners.TryGetValue(queueName, out var notify))
        {
            notify();
        }
    }

    private sealed class Registration(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
