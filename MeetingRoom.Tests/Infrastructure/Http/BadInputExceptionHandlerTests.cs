using System.Text.Json;
using MeetingRoom.Domain.Common;
using MeetingRoom.Tests.Support;
using MeetingRoom.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeetingRoom.Tests.Infrastructure.Http;

/// <summary>
/// The last line of defence for bad input writes its problems through the same mapping as every other problem
/// (<see cref="ProblemResults.ToHttp(AppProblem)"/>): our <c>type</c>, the fields' errors and the trace id (issue 25).
/// </summary>
public sealed class BadInputExceptionHandlerTests(MeetingRoomFactory app) : IClassFixture<MeetingRoomFactory>
{
    private async Task<(int Status, JsonElement Problem)> HandleAsync(Exception exception)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Response.Body = new MemoryStream();

        Assert.True(await new BadInputExceptionHandler(NullLogger<BadInputExceptionHandler>.Instance).TryHandleAsync(http, exception, default));

        http.Response.Body.Position = 0;
        return (http.Response.StatusCode, JsonDocument.Parse(http.Response.Body).RootElement.Clone());
    }

    [Fact]
    public async Task A_domain_validation_error_is_a_400_invalid_input_problem_naming_the_field_with_a_trace_id()
    {
        var (status, problem) = await HandleAsync(new DomainValidationException("capacity", new DomainMessage("CapacityTooSmall", "At least 1.")));

        Assert.Equal(400, status);
        Assert.Equal(AppProblem.TypePrefix + "invalid-input", problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("capacity", out _));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
    }

    [Fact]
    public async Task A_bad_http_request_keeps_its_status_as_a_problem_with_a_trace_id()
    {
        var (status, problem) = await HandleAsync(new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge));

        Assert.Equal(413, status);
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
    }

    [Fact]
    public async Task Other_exceptions_are_left_to_the_next_handler()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };

        Assert.False(await new BadInputExceptionHandler(NullLogger<BadInputExceptionHandler>.Instance).TryHandleAsync(http, new InvalidOperationException(), default));
    }
}
