using System.Diagnostics;
using MeetingRoom.Domain.Common;

namespace MeetingRoom.Web.Infrastructure.Outbox;

/// <summary>
/// One outbox message as the change feed read it: its id (grows with every event), the event, deserialized once, and
/// the trace context stored with it (<see cref="OutboxTracing.ContextOf"/>; <c>default</c> when none or tracing is off).
/// </summary>
public sealed record ChangeFeedEntry(long Id, IDomainEvent Event, ActivityContext Trace = default);
