using MeetingRoom.Domain.Common;

namespace MeetingRoom.Web.Infrastructure.Outbox;

/// <summary>One outbox message as the change feed read it: its id (grows with every event) and the event, deserialized once.</summary>
public sealed record ChangeFeedEntry(long Id, IDomainEvent Event);
