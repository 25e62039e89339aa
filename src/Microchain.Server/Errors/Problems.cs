using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Microchain.Server.Errors;

/// <summary>problem+json answers with a stable <c>type</c> per kind of error.</summary>
public static class Problems
{
    public static string TypeFor(string code) => "urn:microchain:problem:" + code;

    public static ProblemHttpResult Create(int status, string code, string title, string? detail = null, IDictionary<string, object?>? extensions = null)
    {
        var ext = extensions is null ? new Dictionary<string, object?>() : new Dictionary<string, object?>(extensions);
        ext["code"] = code;
        return TypedResults.Problem(detail: detail, statusCode: status, title: title, type: TypeFor(code), extensions: ext);
    }

    /// <summary>The code of an error the framework answers by itself (routing, binding, Kestrel limits).</summary>
    public static string CodeForStatus(int status) => status switch
    {
        400 => "bad-request",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not-found",
        405 => "method-not-allowed",
        409 => "conflict",
        413 => "body-too-large",
        415 => "unsupported-media-type",
        422 => "unprocessable",
        429 => "too-many-requests",
        503 => "unavailable",
        _ => status >= 500 ? "internal" : "error",
    };

    /// <summary>Gives framework-made problems the same stable type and code as ours.</summary>
    public static void Normalize(Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        var status = problem.Status ?? 500;
        if (!problem.Extensions.TryGetValue("code", out var code) || code is not string)
        {
            code = CodeForStatus(status);
            problem.Extensions["code"] = code;
        }
        if (problem.Type is null || !problem.Type.StartsWith("urn:microchain:problem:", StringComparison.Ordinal))
            problem.Type = TypeFor((string)code);
    }

    public static ProblemHttpResult NotFound(string what, string id) =>
        Create(StatusCodes.Status404NotFound, "not-found", $"{what} not found", $"no {what} '{id}'");

    public static ProblemHttpResult BadRequest(string code, string detail) =>
        Create(StatusCodes.Status400BadRequest, code, "The request is not valid", detail);
}
