using MeetingRoom.Domain.Common;

namespace MeetingRoom.Web.Features.Admin;

/// <summary>
/// An admin saved the site settings (timetable, booking window and no-show, booking limits, default language):
/// <paramref name="Version"/> is the settings' new <see cref="Infrastructure.Persistence.SiteSettings.Version"/>.
/// Written to the outbox in the save's transaction; every instance drops its older copy of the rules on it
/// (<see cref="SiteRulesFeed"/>).
/// </summary>
public sealed record SiteRulesChanged(int Version, DateTimeOffset OccurredAt) : IDomainEvent;
