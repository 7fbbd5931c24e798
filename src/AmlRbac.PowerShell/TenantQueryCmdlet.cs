using System.Collections;
using System.Management.Automation;
using AmlRbac.Model;
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
    private const string HowToGiveSource = "pass -SnapshotPath or pipe Get-AzRoleAssignment output";

    private readonly PipelineTenant _piped = new();
    private readonly List<Subject> _subjects = new();
    private Subject? _commandLineSubject;
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

    /// <summary>Az role assignments, role definitions and deny assignments, and Az policy assignments, exemptions, definitions and set definitions, to answer from.</summary>
    [Parameter(ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>The subject of the current record, or null while its parameters are not all bound.</summary>
    protected abstract Subject? CurrentSubject();

    /// <summary>False when the question is about a role alone: with no source given it needs no tenant, not the sample.</summary>
    protected virtual bool AsksAboutPrincipals => true;

    /// <summary>The question to ask of the tenant; throws AmlRbacException for bad names.</summary>
    protected abstract IQuestion<TAnswer> Ask(AccessEvaluator evaluator);

    /// <summary>Writes the answer for one subject.</summary>
    protected abstract void Write(TAnswer answer);

    /// <summary>Derived cmdlets that read parameters here call this last, once their subject is known.</summary>
    protected override void BeginProcessing()
    {
        // Pipeline parameters are not bound yet: this is the subject the command line names, if any.
        _commandLineSubject = CurrentSubject();
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
                Collect(item, isSubject);
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
        IQuestion<TAnswer> question;
        try
        {
            // Objects came in when the command was piped to (even if the upstream command listed nothing)
            // or when -InputObject was given directly.
            var piped = MyInvocation.ExpectingInput || _position > 0 ? _piped : null;
            var snapshots = SnapshotPaths();
            TenantChoice.CheckOneSource(Live, "-" + nameof(Live), LiveOnlyParametersGiven(), snapshots, piped);
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
        foreach (var subject in _subjects)
        {
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

    private void Collect(PSObject item, bool isSubject)
    {
        _position++;
        try
        {
            _piped.Add(PropertyBag.From(item), PropertyBag.Describe(item, _position), isSubject);
        }
        catch (AmlRbacException exception)
        {
            WriteError(ErrorRecords.From(exception));
        }
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
        var choice = TenantChoice.Choose(snapshots, piped, AsksAboutPrincipals);
        if (choice.SampleWarning(HowToGiveSource) is { } warning)
        {
            WriteWarning(warning);
        }
        return new AccessEvaluator(choice.Tenant);
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
