using System.Reflection;
using System.Text.Json;
using MeetingRoom.Web.Features.Members;
using MeetingRoom.Web.Infrastructure.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace MeetingRoom.Web.Infrastructure.Identity;

/// <summary>
/// Identity's request bodies (<c>Microsoft.AspNetCore.Identity.Data</c>) declare their fields
/// non-nullable, but JSON <c>null</c> still reaches them (and became a 500). This filter answers a null
/// required string, a string over its limit (<see cref="MaxLength"/>; tokens and codes <see cref="MaxTokenLength"/>),
/// or any string (body field or query parameter) holding a NUL character, with 400 invalid-input naming the field.
/// NUL is refused because PostgreSQL cannot store or even compare it in text (it failed the query: a 500).
/// </summary>
public sealed class RequiredFieldsFilter : IEndpointFilter
{
    public const int MaxLength = 256;
    public const int MaxTokenLength = 4096;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<PropertyInfo, bool> Required = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var errors = new Dictionary<string, string[]>();
        var parameters = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>()?.GetParameters();
        for (var i = 0; i < context.Arguments.Count; i++)
        {
            var argument = context.Arguments[i];
            if (argument is string text)
            {
                if (text.Contains('\0'))
                    errors[parameters is { } p && i < p.Length && p[i].Name is { } name ? name : $"argument{i}"] = [ProblemText.Get("NoNulCharacters")];
                continue;
            }
            if (argument is null || argument.GetType().Namespace != "Microsoft.AspNetCore.Identity.Data") continue;
            foreach (var property in argument.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.PropertyType != typeof(string)) continue;
                var value = (string?)property.GetValue(argument);
                var field = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                if (value is null && Required.GetOrAdd(property, p => new NullabilityInfoContext().Create(p).WriteState == NullabilityState.NotNull))
                    errors[field] = [ProblemText.Get("Required")];
                else if (value?.Length > (property.Name.EndsWith("Token") || property.Name.EndsWith("Code") ? MaxTokenLength : MaxLength))
                    errors[field] = [ProblemText.Get("TooLong")];
                else if (value?.Contains('\0') == true)
                    errors[field] = [ProblemText.Get("NoNulCharacters")];
            }
        }
        return errors.Count > 0 ? AppProblem.Invalid(errors).ToHttp() : await next(context);
    }
}
