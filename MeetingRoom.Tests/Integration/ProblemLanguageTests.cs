using System.Net;
using System.Net.Http.Json;
using MeetingRoom.Tests.Support;
using static MeetingRoom.Tests.Support.MeetingRoomFactory;

namespace MeetingRoom.Tests.Integration;

/// <summary>The API answers problems in the request's Accept-Language; the problem <c>type</c> stays the same.</summary>
public sealed class ProblemLanguageTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>, IAsyncLifetime
{
    private ApiClient _admin = null!;

    public async Task InitializeAsync()
    {
        app.Clock.Set(DefaultNow);
        _admin = await app.SignInNewAsync(admin: true);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<HttpResponseMessage> InLanguage(ApiClient client, string language, Func<Task<HttpResponseMessage>> call)
    {
        client.Http.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        try { return await call(); }
        finally { client.Http.DefaultRequestHeaders.AcceptLanguage.Clear(); }
    }

    [Fact]
    public async Task A_taken_slot_is_refused_in_Korean_for_ko_KR_with_the_same_type_as_in_English()
    {
        var first = await app.SignInNewAsync();
        var second = await app.SignInNewAsync();
        var room = await _admin.CreateRoomAsync($"Room {Guid.NewGuid():N}");
        await first.BookOkAsync(room, Today, "10:00");

        var korean = await (await InLanguage(second, "ko-KR", () => second.BookAsync(room, Today, "10:00")))
            .ShouldBeProblem(HttpStatusCode.Conflict, "slot-taken");
        var english = await (await InLanguage(second, "en-US", () => second.BookAsync(room, Today, "10:00")))
            .ShouldBeProblem(HttpStatusCode.Conflict, "slot-taken");

        Assert.Equal("이미 예약되었습니다.", korean.GetProperty("title").GetString());
        Assert.Equal("이미 예약된 시간대입니다.", korean.GetProperty("detail").GetString());
        Assert.Equal("Already taken.", english.GetProperty("title").GetString());
        Assert.Equal("That slot is already taken.", english.GetProperty("detail").GetString());
        Assert.Equal(english.GetProperty("type").GetString(), korean.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Invalid_room_input_names_each_field_in_Korean()
    {
        var response = await InLanguage(_admin, "ko", () => _admin.PostAsync("/api/rooms", new { name = "", floor = 1, capacity = 0 }));

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, "invalid-input");
        Assert.Equal("입력값이 올바르지 않습니다.", problem.GetProperty("title").GetString());
        Assert.Equal("회의실 이름을 입력하세요.", problem.GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.Equal("수용 인원은 1명 이상이어야 합니다.", problem.GetProperty("errors").GetProperty("capacity")[0].GetString());
    }

    [Fact]
    public async Task A_missing_route_answers_a_Korean_title_for_ko()
    {
        var response = await InLanguage(_admin, "ko", () => _admin.GetAsync("/api/no-such-thing"));

        var problem = await response.ShouldBeProblem(HttpStatusCode.NotFound, "not-found");
        Assert.Equal("찾을 수 없음", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_failed_sign_in_is_answered_in_Korean_for_ko()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { email = $"nobody{Guid.NewGuid():N}@test.local", password = "Wrong-password-1" }),
        };
        request.Headers.AcceptLanguage.ParseAdd("ko-KR");

        var problem = await (await app.Anonymous().Http.SendAsync(request)).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthenticated");

        Assert.Equal("로그인 필요", problem.GetProperty("title").GetString());
        Assert.Equal("이메일 또는 비밀번호가 올바르지 않습니다.", problem.GetProperty("detail").GetString());
    }
}
