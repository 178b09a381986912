using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MeetingRoom.Domain.Bookings;
using MeetingRoom.Domain.Common;
using MeetingRoom.Domain.Rooms;
using MeetingRoom.Domain.Scheduling;
using MeetingRoom.Web.Infrastructure.Http;

namespace MeetingRoom.Tests.Localization;

/// <summary>Problems (refusals, field errors) are worded in the current UI culture; their codes never change.</summary>
public sealed class ProblemTextTests
{
    private static readonly TimeZoneInfo Seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

    internal static T InCulture<T>(string culture, Func<T> act)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try { return act(); }
        finally { (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi); }
    }

    private static bool HasHangul(string text) => text.Any(c => c is >= '\uAC00' and <= '\uD7A3');

    /// <summary>A refusal of each reason, as the domain makes it.</summary>
    private static BookingRefusal Sample(RefusalReason reason)
    {
        var slot = new Slot(1, new DateOnly(2026, 12, 1), new Period(new TimeOnly(10, 0), new TimeOnly(11, 50)),
            new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 2, 50, 0, TimeSpan.Zero));
        return reason switch
        {
            RefusalReason.NotOpenYet => BookingRefusal.NotOpenYet(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)),
            RefusalReason.SlotTaken => BookingRefusal.SlotTaken,
            RefusalReason.NotTheBooker => BookingRefusal.NotTheBooker,
            RefusalReason.WrongState => BookingRefusal.WrongState(BookingState.InMeeting),
            RefusalReason.RoomOutOfService => BookingRefusal.RoomOutOfService,
            RefusalReason.PeriodOver => BookingRefusal.PeriodOver(slot),
            RefusalReason.UnknownRoom => BookingRefusal.UnknownRoom,
            RefusalReason.UnknownPeriod => BookingRefusal.UnknownPeriod,
            RefusalReason.UnknownBooking => BookingRefusal.UnknownBooking,
            RefusalReason.AdminOnly => BookingRefusal.AdminOnly,
            RefusalReason.ReasonRequired => BookingRefusal.ReasonRequired,
            RefusalReason.MemberLimit => BookingRefusal.MemberLimit(LimitKind.PerDay, 2, [Guid.NewGuid(), Guid.NewGuid()]),
            RefusalReason.SlotFree => BookingRefusal.SlotFree,
            RefusalReason.AlreadyWaiting => BookingRefusal.AlreadyWaiting,
            RefusalReason.AlreadyYours => BookingRefusal.AlreadyYours,
            RefusalReason.InvalidInput => BookingRefusal.InvalidInput("reason", TextRules.Problem(new string('x', 600), 500)!),
            RefusalReason.TimetableInUse => BookingRefusal.TimetableInUse([Guid.NewGuid()]),
            _ => throw new ArgumentOutOfRangeException(nameof(reason)),
        };
    }

    public static TheoryData<RefusalReason> Reasons() => new(Enum.GetValues<RefusalReason>());

    [Theory]
    [MemberData(nameof(Reasons))]
    public void Every_refusal_reason_has_a_Korean_title_and_detail_and_the_same_type_as_in_English(RefusalReason reason)
    {
        var korean = InCulture("ko", () => AppProblem.From(Sample(reason), Seoul));
        var english = InCulture("en", () => AppProblem.From(Sample(reason), Seoul));

        Assert.Equal(english.Type, korean.Type);
        Assert.Equal(english.Status, korean.Status);
        Assert.True(HasHangul(korean.Title), $"{reason} title: {korean.Title}");
        Assert.True(HasHangul(korean.Detail), $"{reason} detail: {korean.Detail}");
        Assert.False(HasHangul(english.Detail), $"{reason} English detail: {english.Detail}");
        foreach (var message in korean.Errors?.Values.SelectMany(m => m) ?? [])
            Assert.True(HasHangul(message), $"{reason} field error: {message}");
    }

    [Fact]
    public void Slot_taken_speaks_Korean_under_ko_and_English_under_en()
    {
        Assert.Equal("이미 예약된 시간대입니다.", InCulture("ko-KR", () => AppProblem.From(BookingRefusal.SlotTaken)).Detail);
        Assert.Equal("That slot is already taken.", InCulture("en", () => AppProblem.From(BookingRefusal.SlotTaken)).Detail);
        Assert.Equal("Already taken.", InCulture("en", () => AppProblem.From(BookingRefusal.SlotTaken)).Title);
    }

    [Fact]
    public void Not_open_yet_names_the_opening_in_site_time_written_for_the_culture()
    {
        var opensAt = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero); // 09:00 in Seoul

        Assert.Equal("아직 열리지 않았습니다. 12월 1일 (화) 09:00(Asia/Seoul)에 열립니다.",
            InCulture("ko", () => AppProblem.From(BookingRefusal.NotOpenYet(opensAt), Seoul)).Detail);
        Assert.Equal("Not open yet: it opens at Tue 1 Dec 09:00 (Asia/Seoul).",
            InCulture("en", () => AppProblem.From(BookingRefusal.NotOpenYet(opensAt), Seoul)).Detail);
    }

    [Fact]
    public void A_wrong_state_names_the_state_in_words_never_the_enum_name()
    {
        var korean = InCulture("ko", () => AppProblem.From(BookingRefusal.WrongState(BookingState.PendingApproval))).Detail;
        var english = InCulture("en", () => AppProblem.From(BookingRefusal.WrongState(BookingState.PendingApproval))).Detail;

        Assert.Contains("승인 대기", korean);
        Assert.Equal("Not possible while the booking is pending approval.", english);
        Assert.DoesNotContain("PendingApproval", korean + english);
    }

    [Fact]
    public void Every_booking_and_waitlist_state_has_a_name_in_both_languages()
    {
        foreach (var state in Enum.GetValues<BookingState>().Cast<Enum>().Concat(Enum.GetValues<WaitlistState>().Cast<Enum>()))
        {
            Assert.True(HasHangul(InCulture("ko", () => ProblemText.Name(state))), state.ToString());
            Assert.NotEqual(state.ToString(), InCulture("en", () => ProblemText.Name(state)));
        }
    }

    [Fact]
    public void Room_field_errors_from_the_domain_speak_Korean()
    {
        var e = Assert.Throws<DomainValidationException>(() => Room.Validate("", 400, 0, []).ThrowIfAny());

        var problem = InCulture("ko", () => AppProblem.From(e));

        Assert.Equal("입력값이 올바르지 않습니다.", problem.Title);
        Assert.Equal(["회의실 이름을 입력하세요."], problem.Errors!["name"]);
        Assert.Equal(["수용 인원은 1명 이상이어야 합니다."], problem.Errors!["capacity"]);
        Assert.Equal(["층은 -20에서 300 사이여야 합니다."], problem.Errors!["floor"]);
        Assert.Equal(["The room needs a name."], InCulture("en", () => AppProblem.From(e)).Errors!["name"]);
    }

    [Fact]
    public void Overlapping_periods_are_named_with_their_times_in_Korean()
    {
        var e = Assert.Throws<DomainValidationException>(() => Timetable.Create("Asia/Seoul",
            [new Period(new TimeOnly(9, 0), new TimeOnly(10, 0)), new Period(new TimeOnly(9, 30), new TimeOnly(11, 0))]));

        Assert.Equal(["09:00–10:00 교시와 09:30–11:00 교시가 겹칩니다."], InCulture("ko", () => AppProblem.From(e)).Errors!["periods"]);
        Assert.Equal(["Periods 09:00–10:00 and 09:30–11:00 overlap."], InCulture("en", () => AppProblem.From(e)).Errors!["periods"]);
    }

    [Fact]
    public void Every_domain_message_key_used_has_a_resource()
    {
        // The keys the domain and the web layer give their messages (new DomainMessage("Key", …)).
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../.."));
        var keys = Directory.EnumerateFiles(Path.Combine(root, "MeetingRoom.Domain"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "MeetingRoom.Web"), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"new (?:DomainMessage)?\(""(\w+)"",").Select(m => m.Groups[1].Value))
            .Concat(["EquipmentNameTextTooLong", "EquipmentNameTextControlCharacters", "MemberLimitPerPeriod", "MemberLimitPerDay", "MemberLimitUpcoming"])
            .Distinct().ToList();
        var resources = Resource("Infrastructure/Http/ProblemText.resx").Keys;

        Assert.NotEmpty(keys);
        Assert.Empty(keys.Where(k => !resources.Contains(k) && k.Length > 2 && char.IsUpper(k[0]) && !k.StartsWith("Http")));
    }

    [Theory]
    [InlineData("Infrastructure/Http/ProblemText")]
    public void Korean_and_English_resources_have_the_same_keys_and_placeholders(string resource)
    {
        var english = Resource(resource + ".resx");
        var korean = Resource(resource + ".ko.resx");

        Assert.Equal(english.Keys.Order(), korean.Keys.Order());
        foreach (var (key, text) in english)
            Assert.True(Placeholders(text).SetEquals(Placeholders(korean[key])), $"{key}: '{text}' / '{korean[key]}'");
    }

    private static HashSet<string> Placeholders(string text) => Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).ToHashSet();

    internal static Dictionary<string, string> Resource(string relative)
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../.."));
        return XDocument.Load(Path.Combine(root, "MeetingRoom.Web", "Resources", relative)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);
    }
}
