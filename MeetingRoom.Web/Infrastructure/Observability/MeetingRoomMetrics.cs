using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace MeetingRoom.Web.Infrastructure.Observability;

/// <summary>
/// The app's own instruments, in the <see cref="Meter"/> named "MeetingRoom" (created through
/// <see cref="IMeterFactory"/>, so tests can collect them per host). Names follow the OpenTelemetry conventions;
/// Prometheus sees them with dots as underscores and a unit suffix (<c>meetingroom.bookings</c> →
/// <c>meetingroom_bookings_total</c>, <c>meetingroom.push.latency</c> (s) → <c>meetingroom_push_latency_seconds</c>).
/// With no listener (no OTLP endpoint, Prometheus off) every record is a cheap no-op. Singleton, thread-safe.
/// </summary>
public sealed class MeetingRoomMetrics
{
    public const string MeterName = "MeetingRoom";

    /// <summary>The kinds of live subscriber (tag <c>kind</c> of <c>meetingroom.live.subscribers</c>).</summary>
    public const string BoardSubscriber = "board", DoorSubscriber = "door", HubSubscriber = "hub", PageSubscriber = "page";

    /// <summary>Histogram buckets for latencies, in seconds (5 ms … 30 s).</summary>
    private static readonly IReadOnlyList<double> LatencyBuckets =
        [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 0.75, 1, 2.5, 5, 10, 30];

    private readonly Counter<long> _bookings;
    private readonly Counter<long> _openingAttempts;
    private readonly Histogram<double> _openingAnswerLatency;
    private readonly Histogram<double> _pushLatency;
    private readonly UpDownCounter<long> _liveSubscribers;
    private readonly Counter<long> _emailFailures;
    private readonly Counter<long> _autoReleases;
    private readonly ObservableGauge<long> _emailQueue;
    private readonly ConcurrentDictionary<string, (double Seconds, long Messages)> _outboxLag = new();
    private long _emailQueueLength;

    public MeetingRoomMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _bookings = meter.CreateCounter<long>("meetingroom.bookings", "{booking}",
            "Booking requests answered, by result (tag result: created, slot-taken, member-limit, not-open-yet, …).");
        _openingAttempts = meter.CreateCounter<long>("meetingroom.opening.attempts", "{attempt}",
            "Booking attempts in the first minute after a booking window opened.");
        _openingAnswerLatency = meter.CreateHistogram("meetingroom.opening.answer_latency", "s",
            "Time from a booking window's opening instant to the answer, for attempts in its first minute.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _pushLatency = meter.CreateHistogram("meetingroom.push.latency", "s",
            "Time from a change's commit to this instance's push of it to its circuits and hub clients.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _liveSubscribers = meter.CreateUpDownCounter<long>("meetingroom.live.subscribers", "{subscriber}",
            "Live subscribers on this instance, by kind (tag kind: board, door, hub, page).");
        _emailFailures = meter.CreateCounter<long>("meetingroom.email.failures", "{email}",
            "Email sends that failed (each attempt).");
        _autoReleases = meter.CreateCounter<long>("meetingroom.auto_releases", "{booking}",
            "Bookings released as no-shows.");
        meter.CreateObservableGauge("meetingroom.outbox.lag", ObserveLagSeconds, "s",
            "Age of the oldest outbox message a handler has not yet handled, by handler (0 when caught up).");
        meter.CreateObservableGauge("meetingroom.outbox.lag_messages", ObserveLagMessages, "{message}",
            "Outbox messages a handler has not yet handled, by handler.");
        _emailQueue = meter.CreateObservableGauge("meetingroom.email.queue_length", () => Interlocked.Read(ref _emailQueueLength), "{email}",
            "Emails waiting to be sent, as last seen by the sender.");
    }

    /// <summary>One answered booking request; <paramref name="result"/> is "created" or a problem code ("slot-taken", …).</summary>
    public void BookingAnswered(string result) => _bookings.Add(1, new KeyValuePair<string, object?>("result", result));

    /// <summary>
    /// Whether anything listens to the opening instruments: a caller that has work to do to tell an attempt at an
    /// opening (reading the slot's window) does it only then.
    /// </summary>
    public bool OpeningsWatched => _openingAttempts.Enabled || _openingAnswerLatency.Enabled;

    /// <summary>Whether anything reads the email queue length (a sender counts the queue beyond its batch only then).</summary>
    public bool EmailQueueWatched => _emailQueue.Enabled;

    /// <summary>One attempt in an opening's first minute, answered <paramref name="sinceOpening"/> after the opening instant.</summary>
    public void OpeningAttemptAnswered(TimeSpan sinceOpening)
    {
        _openingAttempts.Add(1);
        _openingAnswerLatency.Record(Math.Max(0, sinceOpening.TotalSeconds));
    }

    /// <summary>A change committed <paramref name="sinceCommit"/> ago was pushed by this instance.</summary>
    public void Pushed(TimeSpan sinceCommit) => _pushLatency.Record(Math.Max(0, sinceCommit.TotalSeconds));

    /// <summary>A live subscriber of <paramref name="kind"/> (board, door, hub, page) came (+1) or went (-1).</summary>
    public void LiveSubscriber(string kind, int delta) => _liveSubscribers.Add(delta, new KeyValuePair<string, object?>("kind", kind));

    public void EmailFailed() => _emailFailures.Add(1);

    public void EmailQueueLength(long length) => Interlocked.Exchange(ref _emailQueueLength, length);

    public void AutoReleased(int count = 1) => _autoReleases.Add(count);

    /// <summary>The lag of one outbox handler as last seen by the change feed.</summary>
    public void OutboxLag(string handler, TimeSpan age, long messages) => _outboxLag[handler] = (Math.Max(0, age.TotalSeconds), messages);

    private IEnumerable<Measurement<double>> ObserveLagSeconds() =>
        _outboxLag.Select(l => new Measurement<double>(l.Value.Seconds, new KeyValuePair<string, object?>("handler", l.Key)));

    private IEnumerable<Measurement<long>> ObserveLagMessages() =>
        _outboxLag.Select(l => new Measurement<long>(l.Value.Messages, new KeyValuePair<string, object?>("handler", l.Key)));
}
