using System.Diagnostics;
using MeetingRoom.Web.Infrastructure.Observability;
using OpenTelemetry;

namespace MeetingRoom.Web.Infrastructure.Outbox;

/// <summary>
/// Carries a trace across the outbox (issue 24): the writer's W3C trace context is stored with each outbox row
/// (<see cref="Capture"/>), and the change feed's spans for the stored handlers' work on a message and for each
/// instance's push take it as their parent, so <c>POST /api/bookings</c>, its database commands, the handlers and the
/// pushes on every instance form one trace. Everything here first asks
/// <see cref="MeetingRoomTracing.Source"/>'s <see cref="ActivitySource.HasListeners"/>: with tracing off it returns
/// at once (null, <c>default</c>) without allocating or parsing.
/// </summary>
public static class OutboxTracing
{
    /// <summary>Column length for <see cref="OutboxMessage.TraceParent"/> (version 00 is 55 characters; room for later versions).</summary>
    public const int TraceParentMaxLength = 128;

    /// <summary>Column length for <see cref="OutboxMessage.TraceState"/> (W3C asks propagators to keep at least 512 characters); a longer one is not stored.</summary>
    public const int TraceStateMaxLength = 512;

    /// <summary>Span attribute: the outbox message's id.</summary>
    public const string MessageIdTag = "meetingroom.outbox.message_id";

    /// <summary>Span attribute: the stored handler's name (schedule, notifications, email, waitlist).</summary>
    public const string HandlerTag = "meetingroom.outbox.handler";

    /// <summary>Span attribute: the event type as stored (e.g. <c>BookingPlaced</c>).</summary>
    public const string EventTag = "meetingroom.outbox.event";

    /// <summary>Span attribute: how many messages a batch span covers.</summary>
    public const string MessagesTag = "meetingroom.outbox.messages";

    private static bool On => MeetingRoomTracing.Source.HasListeners();

    /// <summary>
    /// Writes the current span's trace context (<see cref="Activity.Current"/>, W3C) into <paramref name="message"/>
    /// when tracing is on; leaves both columns null when it is off or there is no current span.
    /// </summary>
    public static void Capture(OutboxMessage message)
    {
        if (!On || Activity.Current is not { IdFormat: ActivityIdFormat.W3C } current) return;
        message.TraceParent = current.Id;
        if (current.TraceStateString is { Length: > 0 and <= TraceStateMaxLength } state) message.TraceState = state;
    }

    /// <summary>The trace context stored in <paramref name="message"/>; <c>default</c> when none, unreadable, or tracing is off.</summary>
    public static ActivityContext ContextOf(OutboxMessage message) =>
        message.TraceParent is { } parent && On && ActivityContext.TryParse(parent, message.TraceState, isRemote: true, out var context)
            ? context
            : default;

    /// <summary>
    /// A span "outbox {handler}" (consumer) for one stored handler's work on one message, child of the context stored
    /// with the message (else of the current span); null when tracing is off or nobody samples it.
    /// </summary>
    public static Activity? StartHandler(string handler, ChangeFeedEntry entry)
    {
        if (!On) return null;
        var span = MeetingRoomTracing.Source.StartActivity($"outbox {handler}", ActivityKind.Consumer, entry.Trace);
        span?.SetTag(HandlerTag, handler).SetTag(MessageIdTag, entry.Id).SetTag(EventTag, entry.Event.GetType().Name);
        return span;
    }

    /// <summary>
    /// Spans <paramref name="name"/> for one piece of work done for several messages at once (a handler's save, a
    /// push): one per distinct trace among the messages' stored contexts, child of it, plus one root span for the
    /// messages stored without a context, so that each request's trace shows the work done for it (a burst's batch
    /// too). The first is <see cref="Activity.Current"/> until disposed (the database commands of the work go under
    /// it). Null when tracing is off or nobody samples them.
    /// </summary>
    public static OutboxSpans? StartEach(string name, IReadOnlyList<ChangeFeedEntry> entries, ActivityKind kind = ActivityKind.Internal)
    {
        if (!On || entries.Count == 0) return null;
        var previous = Activity.Current;
        var spans = new List<Activity>();
        var seen = new HashSet<ActivityTraceId>();
        var untraced = false;
        foreach (var entry in entries)
        {
            var traced = entry.Trace != default;
            var firstOfItsTrace = traced ? seen.Add(entry.Trace.TraceId) : !untraced;
            untraced |= !traced;
            if (!firstOfItsTrace) continue;
            var span = MeetingRoomTracing.Source.StartActivity(name, kind, entry.Trace);
            Activity.Current = previous; // siblings, not nested
            if (span is null) continue;
            span.SetTag(MessageIdTag, entry.Id).SetTag(EventTag, entry.Event.GetType().Name).SetTag(MessagesTag, entries.Count);
            spans.Add(span);
        }
        if (spans.Count == 0) return null;
        Activity.Current = spans[0];
        return new OutboxSpans(spans, previous);
    }

    /// <summary>
    /// Until disposed, no spans are recorded (OpenTelemetry's <see cref="SuppressInstrumentationScope"/>): for the
    /// feed's own bookkeeping (its polls, claims and cursor writes), which would otherwise make a root trace of
    /// database commands per poll. Null (nothing to dispose) when tracing is off. Logs are not exported inside it either: keep it narrow.
    /// </summary>
    public static IDisposable? Quiet() => On ? SuppressInstrumentationScope.Begin() : null;

    /// <summary>Undoes <see cref="Quiet"/> until disposed (the handlers' work inside the feed's transaction is traced); null when tracing is off.</summary>
    public static IDisposable? Traced() => On ? SuppressInstrumentationScope.Begin(false) : null;
}
