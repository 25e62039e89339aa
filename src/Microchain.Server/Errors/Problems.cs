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

    public static ProblemHttpResult NotFound(string what, string id) =>
        Create(StatusCodes.Status404NotFound, "not-found", $"{what} not found", $"no {what} '{id}'");

    public static ProblemHttpResult BadRequest(string code, string detail) =>
        Create(StatusCodes.Status400BadRequest, code, "The request is not valid", detail);
}
