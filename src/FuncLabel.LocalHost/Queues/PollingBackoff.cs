namespace FuncLabel.LocalHost.Queues;

/// <summary>
/// The queue listener's wait between polls of an empty queue: randomized exponential back-off from
/// <see cref="App.QueueTriggerOptions.MinPollingInterval"/> up to <c>maxPollingInterval</c>, reset as soon as a poll finds
/// messages (the storage extension's <c>RandomizedExponentialBackoffStrategy</c>). Each empty poll adds
/// <c>min × 2^(k−1) × r</c> with r uniform in [0.8, 1.2), so idle listeners spread out rather than polling in step.
/// </summary>
internal sealed class PollingBackoff
{
    private const double Randomization = 0.2;
    private readonly TimeSpan _minimum;
    private readonly TimeSpan _maximum;
    private readonly Random _random;
    private TimeSpan _current;
    private int _exponent = 1;

    public PollingBackoff(TimeSpan minimum, TimeSpan maximum, Random random)
    {
        _minimum = minimum;
        _maximum = maximum;
        _random = random;
        _current = minimum;
    }

    public TimeSpan Current => _current;

    /// <summary>A poll found messages: poll again at the minimum interval.</summary>
    public void Reset()
    {
        _current = _minimum;
        _exponent = 1;
    }

    /// <summary>A poll found nothing: the next wait, longer than the last until it reaches the maximum.</summary>
    public TimeSpan Next()
    {
        if (_current >= _maximum)
        {
            return _current = _maximum;
        }

        var factor = 1 - Randomization + (_random.NextDouble() * 2 * Randomization);
        var candidate = _minimum + TimeSpan.FromMilliseconds(factor * Math.Pow(2, _exponent - 1) * _minimum.TotalMilliseconds);
        if (candidate < _maximum)
        {
            _current = candidate;
            _exponent++;
        }
        else
        {
            _current = _maximum;
        }

        return _current;
    }
}
