using System.Diagnostics;
using System.Text;
using System.Text.Json;
using AmlRbac.Model;
using AmlRbac.Output;
using AmlRbac.Questions;
using AmlRbac.Rbac;
using AmlRbac.Sources;

namespace AmlRbac.Benchmarks;

/// <summary>
/// One end-to-end `who` on a snapshot file, stage by stage (read, parse, model, index, answer, output):
/// the time and the bytes each allocates, and the process's peak working set, beside the floor: one
/// Utf8JsonReader pass over the same file that keeps only what the evaluator needs of each assignment
/// (principal id, role definition id, scope). Run with "load-stages FILE WORKSPACE" (issue #16).
/// </summary>
internal static class LoadStages
{
    private const string Action = "Microsoft.MachineLearningServices/workspaces/computes/write";

    public static void Run(string path, string workspace)
    {
        Console.WriteLine($"file: {path}, {new FileInfo(path).Length / (1024.0 * 1024):F0} MiB");
        Floor(path);
        var tenant = Stage("read + parse + model (SnapshotReader.Read)", () => SnapshotReader.Read(path));
        var evaluator = Stage("index (AccessEvaluator)", () => new AccessEvaluator(tenant));
        var answers = Stage("answer (who)", () => EffectiveAccessQuestion.WhoCan(evaluator, new[] { Action }, false).AnswerFor(Subject.At(workspace)));
        Stage("output (json)", () => DecisionJson.Serialize(answers).Length);
        Console.WriteLine($"answers: {answers.Count}; assignments: {tenant.RoleAssignments.Count:N0}");
        GC.KeepAlive(tenant);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine($"process peak working set: {process.PeakWorkingSet64 / (1024.0 * 1024):F0} MiB");
    }

    /// <summary>The old reader's stages one by one: read the text, parse a JsonDocument, turn it into plain values.</summary>
    public static void DomStages(string path)
    {
        var text = Stage("read (File.ReadAllText)", () => File.ReadAllText(path));
        var document = Stage("parse (JsonDocument.Parse)", () => JsonDocument.Parse(text));
        Stage("plain values (JsonValues.From)", () => JsonValues.From(document.RootElement));
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Console.WriteLine($"process peak working set: {process.PeakWorkingSet64 / (1024.0 * 1024):F0} MiB");
    }

    // The least any reader must do: read the bytes once and pick out each assignment's three strings.
    private static void Floor(string path)
    {
        Stage("floor (one Utf8JsonReader pass)", () =>
        {
            using var stream = File.OpenRead(path);
            var buffer = new byte[1 << 20];
            var state = new JsonReaderState();
            var kept = 0L;
            var length = 0;
            string? field = null;
            while (true)
            {
                var read = stream.Read(buffer, length, buffer.Length - length);
                length += read;
                var reader = new Utf8JsonReader(buffer.AsSpan(0, length), read == 0, state);
                while (reader.Read())
                {
                    if (reader.TokenType == JsonTokenType.PropertyName)
                    {
                        field = reader.ValueTextEquals("principalId"u8) ? "p" : reader.ValueTextEquals("roleDefinitionId"u8) ? "r" : reader.ValueTextEquals("scope"u8) ? "s" : null;
                    }
                    else if (reader.TokenType == JsonTokenType.String && field is not null)
                    {
                        kept += reader.GetString()!.Length;
                        field = null;
                    }
                }
                if (read == 0)
                {
                    return kept;
                }
                state = reader.CurrentState;
                var consumed = (int)reader.BytesConsumed;
                buffer.AsSpan(consumed, length - consumed).CopyTo(buffer);
                length -= consumed;
            }
        });
    }

    private static T Stage<T>(string name, Func<T> work)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var result = work();
        clock.Stop();
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Console.WriteLine($"{name,-48} {clock.Elapsed.TotalSeconds,7:F2} s {bytes / (1024.0 * 1024),9:F0} MiB allocated");
        return result;
    }
}
