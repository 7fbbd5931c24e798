using System.Collections;
using System.Management.Automation;
using AmlRbac.PowerShell.Output;
using AmlRbac.Model;
using AmlRbac.Output;
using AmlRbac.Questions;
using AmlRbac.Rbac;
using AmlRbac.Sources;

namespace AmlRbac.PowerShell;

/// <summary>
/// What the query cmdlets share: where the tenant comes from (-SnapshotPath, -LiteralSnapshotPath, or
/// Az objects piped to -InputObject, else the sample tenant with a warning), and answering every
/// subject gathered from the pipeline once all input is in. A derived cmdlet says what the subject of
/// the current record is, which question to ask, and how to write its answer: decisions
/// (Test-AmlPermission, Get-AmlEffectiveAccess) or a report (Export-AmlAccessReport).
/// </summary>
public abstract partial class TenantQueryCmdlet<TAnswer> : LiveCmdlet
{
    private const string HowToGiveSource =
        "give -SnapshotPath, pipe Get-AzRoleAssignment output, add -Live, or add -Sample for the built-in sample tenant Contoso";

    // The indexes of a cached snapshot's tenant, built once and dropped with it.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Tenant, AccessEvaluator> Evaluators = new();

    private readonly PipelineTenant _piped = new();
    private readonly List<Subject> _subjects = new();
    private readonly List<Subject> _pipedRoles = new();
    private Subject? _commandLineSubject;
    private bool _scopeOnCommandLine;
    private int _position;

    /// <summary>A snapshot file (wildcards allowed; they must match one file).</summary>
    [Parameter]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string? SnapshotPath { get; set; }

    /// <summary>A snapshot file, taken literally (no wildcard expansion).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? LiteralSnapshotPath { get; set; }

    /// <summary>Answer from the built-in sample tenant Contoso (samples/contoso.snapshot.json), to try the module without a tenant of your own.</summary>
    [Parameter]
    public SwitchParameter Sample { get; set; }

    /// <summary>Az role assignments, role definitions and deny assignments, and Az policy assignments, exemptions, definitions and set definitions, to answer from.</summary>
    [Parameter(ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>The subject of the current record, or null while its parameters are not all bound.</summary>
    protected abstract Subject? CurrentSubject();

    /// <summary>
    /// True in the parameter sets where a piped role definition that gave no principal is a role to
    /// answer for alone (`$role | Test-AmlPermission -Action ...`). Such roles are the subjects only when
    /// no piped object named a principal: piped beside role assignments, a definition is tenant data.
    /// </summary>
    protected virtual bool PipedObjectsAreRoles => false;

    /// <summary>The question to ask of the tenant; throws AmlRbacException for bad names.</summary>
    protected abstract IQuestion<TAnswer> Ask(AccessEvaluator evaluator);

    /// <summary>Writes the answer for one subject.</summary>
    protected abstract void Write(TAnswer answer);

    /// <summary>
    /// The decision with <paramref name="typeName"/> first among its type names, which selects that view of
    /// AmlRbac.Format.ps1xml; the object, its type and its properties stay the same.
    /// </summary>
    protected static PSObject ViewOf(AmlPermissionDecision decision, string typeName)
    {
        var shown = new PSObject(decision);
        shown.TypeNames.Insert(0, typeName);
        return shown;
    }

    /// <summary>Derived cmdlets that read parameters here call this last, once their subject is known.</summary>
    protected override void BeginProcessing()
    {
        // Pipeline parameters are not bound yet: this is the subject the command line names, if any.
        _commandLineSubject = CurrentSubject();
        _scopeOnCommandLine = MyInvocation.BoundParameters.ContainsKey("Scope");
    }

    protected override void ProcessRecord()
    {
        var subject = CurrentSubject();
        if (InputObject is not null)
        {
            // An item that gave this record its principal or scope by property name (ObjectId, Scope,
            // Id ...) is asked about; when it is no Az object as well, it is only that, not an error.
            var isSubject = subject is not null && !subject.Equals(_commandLineSubject);
            // An array given to -InputObject directly is several items, as it would be when piped.
            var items = InputObject.BaseObject is IEnumerable and not string and not IDictionary
                ? ((IEnumerable)InputObject.BaseObject).Cast<object?>().Where(i => i is not null).Select(i => PSObject.AsPSObject(i!))
                : new[] { InputObject };
            foreach (var item in items)
            {
                if (Collect(item, isSubject) is { } role && PipedObjectsAreRoles && !isSubject)
                {
                    _pipedRoles.Add(Subject.ForRole(role));
                }
            }
        }
        Remember(subject);
    }

    protected override void EndProcessing()
    {
        // When the upstream command listed nothing, ProcessRecord never ran; the command line may still name the subject.
        if (_subjects.Count == 0)
        {
            Remember(CurrentSubject());
        }
        if (_subjects.Count == 0 && _pipedRoles.Count > 0)
        {
            if (_scopeOnCommandLine)
            {
                ThrowTerminatingError(ErrorRecords.From(new AmlRbacException(ErrorIds.ParameterCombinationInvalid, FailureCategory.InvalidArgument,
                    "-Scope was given with piped role definitions and no principal: a role alone is answered without a scope; add -PrincipalId to ask about a principal there.",
                    "-Scope")));
            }
            _subjects.AddRange(_pipedRoles);
        }
        // Nothing to answer for is an error, unless the upstream command listed nothing.
        if (_subjects.Count == 0 && (_position > 0 || !MyInvocation.ExpectingInput))
        {
            ThrowTerminatingError(ErrorRecords.From(SubjectMissing()));
        }
        IQuestion<TAnswer> question;
        try
        {
            // Objects came in when the command was piped to (even if the upstream command listed nothing)
            // or when -InputObject was given directly.
            var piped = MyInvocation.ExpectingInput || _position > 0 ? _piped : null;
            var snapshots = SnapshotPaths();
            TenantChoice.CheckOneSource(Live, "-" + nameof(Live), LiveOnlyParametersGiven(), snapshots, piped, Sample);
            question = Ask(Live ? OpenLive() : OpenEvaluator(snapshots, piped));
        }
        catch (AmlRbacException exception)
        {
            ThrowTerminatingError(ErrorRecords.From(exception));
            return;
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C (StopProcessing): PowerShell is stopping the pipeline already.
            return;
        }
        foreach (var warning in question.Warnings)
        {
            WriteWarning(warning);
        }
        // A warning about a subject (a scope the snapshot lists nothing at) is written once, however many subjects share it.
        var warned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var subject in _subjects)
        {
            foreach (var warning in question.WarningsFor(subject).Where(warned.Add))
            {
                WriteWarning(warning);
            }
            try
            {
                Write(question.AnswerFor(subject));
            }
            catch (AmlRbacException exception) when (_subjects.Count > 1)
            {
                // One bad subject of many (a piped principal the source does not know) does not stop the others.
                WriteError(ErrorRecords.From(exception));
            }
            catch (AmlRbacException exception)
            {
                ThrowTerminatingError(ErrorRecords.From(exception));
            }
        }
    }

    // Returns the role definition the item is, if it is one.
    private RoleDefinition? Collect(PSObject item, bool isSubject)
    {
        _position++;
        try
        {
            return _piped.Add(PropertyBag.From(item), PropertyBag.Describe(item, _position), isSubject);
        }
        catch (AmlRbacException exception)
        {
            WriteError(ErrorRecords.From(exception));
            return null;
        }
    }

    private AmlRbacException SubjectMissing()
    {
        var bound = MyInvocation.BoundParameters;
        var what = bound.TryGetValue("PrincipalId", out var principal) && !bound.ContainsKey("Scope")
            ? $"-PrincipalId {principal} was given without -Scope, and nothing piped in gave a scope"
            : _position > 0 ? "nothing piped in named a principal (role assignments) or a role (role definitions), and the command line names none"
            : "no principal or role was given";
        return new AmlRbacException(ErrorIds.SubjectMissing, FailureCategory.InvalidArgument,
            $"{char.ToUpperInvariant(what[0])}{what[1..]}: name -PrincipalId with -Scope, -RoleName or -RoleDefinition, or pipe role assignments or role definitions.",
            MyInvocation.InvocationName);
    }

    private void Remember(Subject? subject)
    {
        if (subject is not null && !_subjects.Contains(subject))
        {
            _subjects.Add(subject);
        }
    }

    private AccessEvaluator OpenEvaluator(IReadOnlyCollection<string> snapshots, PipelineTenant? piped)
    {
        // A role asked about alone needs no tenant.
        // A session asks many questions of one snapshot: the last one read is kept (SnapshotCache), with its indexes.
        var choice = TenantChoice.Choose(snapshots, piped, Sample, _subjects.Any(s => !s.IsRoleAlone), HowToGiveSource, SnapshotCache.Shared);
        if (choice.Origin != TenantOrigin.CatalogOnly)
        {
            WriteVerbose(TenantSummary.Describe(choice.Tenant));
        }
        if (choice.FromCache)
        {
            WriteVerbose($"Snapshot {snapshots.First()} from cache: the same path, size and last write time as the one read last.");
        }
        return choice.Origin == TenantOrigin.Snapshot ? Evaluators.GetValue(choice.Tenant, t => new AccessEvaluator(t)) : new AccessEvaluator(choice.Tenant);
    }

    // Paths are resolved against PowerShell's current location, not the process's.
    private List<string> SnapshotPaths()
    {
        var paths = new List<string>();
        if (SnapshotPath is not null)
        {
            paths.AddRange(ProviderPaths.Resolve(SessionState, SnapshotPath));
        }
        if (LiteralSnapshotPath is not null)
        {
            paths.Add(ProviderPaths.Literal(SessionState, LiteralSnapshotPath));
        }
        return paths;
    }
}
