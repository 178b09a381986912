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
    /// A span <paramref name="name"/> for work on several messages at once (a handler's save, a push): child of the
    /// first message's stored context, linked to the other messages' distinct contexts (so a batch that holds one
    /// request's messages stays in that request's trace, and a burst's batch is reachable from each request's trace
    /// through its link); null when tracing is off or nobody samples it.
    /// </summary>
    public static Activity? StartBatch(string name, IReadOnlyList<ChangeFeedEntry> entries, ActivityKind kind = ActivityKind.Internal)
    {
        if (!On) return null;
        ActivityContext parent = default;
        List<ActivityLink>? links = null;
        foreach (var entry in entries)
        {
            if (entry.Trace == default) continue;
            if (parent == default) parent = entry.Trace;
            else if (entry.Trace.TraceId != parent.TraceId && (links is null || !links.Exists(l => l.Context.TraceId == entry.Trace.TraceId)))
                (links ??= []).Add(new ActivityLink(entry.Trace));
        }
        var span = MeetingRoomTracing.Source.StartActivity(name, kind, parent, links: links);
        if (span is not null && entries.Count > 0)
            span.SetTag(MessagesTag, entries.Count).SetTag(MessageIdTag, entries[0].Id);
        return span;
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
