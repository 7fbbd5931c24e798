#Requires -Version 7.4
<#
.SYNOPSIS
Regenerates the embedded catalog data (src/AmlRbac/Catalog/Data) from the reference files, in one command:
  dotnet tool restore; dotnet pwsh build/Update-Catalog.ps1 [-ReferencePath <folder>]

.DESCRIPTION
Reads
- build/catalog/permissions/<page>/<Provider>.md: verbatim excerpts of Microsoft's permissions pages
  (MicrosoftDocs/azure-docs articles/role-based-access-control/permissions/<page>.md), one provider each, the first
  line naming the page and its commit. Rows under "| Action |" are control actions, rows after "| **DataAction** |"
  data actions (https://learn.microsoft.com/azure/role-based-access-control/permissions/storage shows the layout).
- <ReferencePath>/operations-partial.tsv: "operation<TAB>kind<TAB>description" of the small providers of the
  general.md and quantum.md pages.
- <ReferencePath>/builtin-roles-all.json: every built-in role definition as the role definitions API returns them
  (RoleDefinitions_List), in the ARM shape.
- build/catalog/role-operations-not-on-pages.tsv: the operations built-in roles name that no page lists, each with why.
and writes, sorted, one line per operation (text in git; the build compresses them, AmlRbac.csproj):
- operations.tsv: "operation<TAB>kind<TAB>description<TAB>source", kind control or data; source is empty for an
  operation of its provider's page and names the role otherwise.
- operation-sources.tsv: "provider<TAB>page<TAB>commit": where each provider's operations come from.
- builtin-roles.json: { "source", "roles": [ every role, every permission block ] }, sorted by name.
- role-aliases.json: the former names of renamed built-in roles (same id, new name), so an old name still finds the role.
A provider that no excerpt and no TSV row holds keeps the rows and the source it has in operations.tsv now; an
operation of the earlier catalog that a page read again no longer lists is kept with a source saying so (printed;
-DropMissing drops them).

The check: every operation a built-in role names exactly (no wildcard) in Actions / NotActions (control) or
DataActions / NotDataActions (data) must be in the catalog with that kind, for every provider the catalog holds;
it catches rows lost or mangled in transcription. An exception is written down, with why, in
role-operations-not-on-pages.tsv. The script writes nothing when the check fails or when an exception is no longer
one; it says which operations and which roles.
#>
[CmdletBinding()]
param(
    # The folder holding operations-partial.tsv and builtin-roles-all.json.
    [string] $ReferencePath = (Join-Path $PSScriptRoot '../../shared/reference/azure'),

    # The excerpts: <page>/<Provider>.md.
    [string] $PermissionsPath = (Join-Path $PSScriptRoot 'catalog/permissions'),

    # The exceptions of the check.
    [string] $ExceptionsPath = (Join-Path $PSScriptRoot 'catalog/role-operations-not-on-pages.tsv'),

    # Where the embedded data files are written.
    [string] $DataPath = (Join-Path $PSScriptRoot '../src/AmlRbac/Catalog/Data'),

    # Where builtin-roles-all.json comes from; written beside the roles (shared/reference/azure/SOURCES.md says so).
    [string] $RolesSource = 'the Azure role definitions API (RoleDefinitions_List) as dumped by the public dataset iann0036/iam-dataset, file azure/built-in-roles-raw.json, commit 2073fa52ac008a45477aa0b1b4580cd99135bf60 (2026-08-22, MIT licence): https://github.com/iann0036/iam-dataset/blob/2073fa52ac008a45477aa0b1b4580cd99135bf60/azure/built-in-roles-raw.json',

    # The day the role definitions were read (SOURCES.md of the reference folder), named in the notes that cite them.
    [string] $RolesDate = '2026-08-22',

    # The pages operations-partial.tsv was compiled from, per provider ('*': every other provider).
    # Drop the operations of the earlier catalog that a page read again no longer lists (when the page is known newer).
    [switch] $DropMissing,

    [hashtable] $PartialPages = @{
        'Microsoft.Quantum' = @('quantum.md', '9f061c07079ac8a9aacb13f749928607dd5918ca')
        '*'                 = @('general.md', '03e5750af10b23b5ba437d5b333ec5e9437844f9')
    }
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$ignoreCase = [StringComparer]::OrdinalIgnoreCase
$utf8 = [Text.UTF8Encoding]::new($false)

function Get-Provider([string] $operation) { $operation.Split('/')[0] }

function Get-Key([string] $name, [string] $kind) { "$($name.ToLowerInvariant())`t$kind" }

# A page cell as catalog text: HTML line breaks and emphasis of the generated tables become plain text, on one line.
function ConvertTo-PlainText([string] $cell) {
    $text = $cell -replace '\\\|', '|' -replace '(?i)<br\s*/?>|</?p>', ' ' -replace '(?i)</?b>', ''
    ($text -replace '\s+', ' ').Trim()
}

# One operation row of the catalog, merging a repeated row into the first: the pages list some operations twice
# (Microsoft.Storage/register/action once with a description and once without); distinct descriptions are kept.
function Add-Operation([hashtable] $into, [string] $name, [string] $kind, [string] $description, [string] $source) {
    $key = Get-Key $name $kind
    if (-not $into.ContainsKey($key)) {
        $into[$key] = [pscustomobject]@{ Name = $name; Kind = $kind; Descriptions = [Collections.Generic.List[string]]::new(); Source = $source }
    }
    if ($description -and -not $into[$key].Descriptions.Contains($description)) {
        $into[$key].Descriptions.Add($description)
    }
}

# ---- Read the excerpts ----------------------------------------------------------------------------------------

function Read-Excerpt([IO.FileInfo] $file) {
    $lines = [IO.File]::ReadAllLines($file.FullName)
    $header = [regex]::Match($lines[0], '^<!-- source: MicrosoftDocs/azure-docs articles/role-based-access-control/permissions/(?<page>[A-Za-z0-9.-]+\.md) commit (?<commit>[0-9a-f]{40}) -->$')
    if (-not $header.Success) {
        throw "$($file.FullName):1: the first line must be '<!-- source: MicrosoftDocs/azure-docs articles/role-based-access-control/permissions/<page>.md commit <40 hex digits> -->'."
    }
    $heading = $lines | Where-Object { $_ -like '## *' } | Select-Object -First 1
    if (-not $heading) {
        throw "$($file.FullName): no '## <Provider>' heading."
    }
    $provider = $heading.Substring(3).Trim()
    if (-not $ignoreCase.Equals($provider, $file.BaseName)) {
        throw "$($file.FullName): the heading names '$provider', the file name '$($file.BaseName)'."
    }
    $operations = @{}
    $kind = $null
    for ($i = 1; $i -lt $lines.Count; $i++) {
        $line = $lines[$i].Trim()
        if (-not $line.StartsWith('> |')) {
            continue
        }
        # "> | name | description |": the name is the first cell, the description the rest (an escaped "\|" stays in it).
        $cells = [regex]::Split($line.Substring(3).TrimEnd(), '(?<!\\)\|')
        $first = $cells[0].Trim()
        if ($first -eq 'Action' -or $first -eq '**Action**') { $kind = 'control'; continue }
        if ($first -eq '**DataAction**' -or $first -eq 'DataAction') { $kind = 'data'; continue }
        if ($first -match '^-+$') { continue }
        $where = "$($file.FullName):$($i + 1)"
        if (-not $line.EndsWith('|') -or $cells.Count -lt 3) {
            throw "${where}: not a whole table row '> | operation | description |' (a row cut short?): $line"
        }
        if ($first -notmatch '^[A-Za-z0-9.]+/\S+$' -or -not $ignoreCase.Equals((Get-Provider $first), $provider)) {
            throw "${where}: '$first' is not an operation of $provider."
        }
        if (-not $kind) {
            throw "${where}: an operation row before any '| Action |' header."
        }
        $description = ConvertTo-PlainText (($cells[1..($cells.Count - 2)]) -join '|')
        Add-Operation $operations $first $kind $description ''
    }
    if ($operations.Count -eq 0) {
        throw "$($file.FullName): no operation row."
    }
    [pscustomobject]@{ Provider = $provider; Page = $header.Groups['page'].Value; Commit = $header.Groups['commit'].Value; Operations = $operations }
}

$providers = [Collections.Generic.Dictionary[string, object]]::new($ignoreCase)   # provider -> { Page; Commit; Operations }
if (Test-Path -LiteralPath $PermissionsPath) {
    foreach ($file in Get-ChildItem -LiteralPath $PermissionsPath -Recurse -Filter '*.md' -File | Sort-Object FullName) {
        $excerpt = Read-Excerpt $file
        if ($providers.ContainsKey($excerpt.Provider)) {
            throw "$($excerpt.Provider) has two excerpts; keep one."
        }
        $providers[$excerpt.Provider] = $excerpt
    }
}

# ---- The small providers of operations-partial.tsv ------------------------------------------------------------

$partial = @{}
$partialPath = Join-Path $ReferencePath 'operations-partial.tsv'
$partialLines = [IO.File]::ReadAllLines($partialPath)
if ($partialLines[0] -ne "operation`tkind`tdescription") {
    throw "${partialPath}:1: expected the header 'operation<TAB>kind<TAB>description'."
}
for ($i = 1; $i -lt $partialLines.Count; $i++) {
    if ($partialLines[$i].Length -eq 0) { continue }
    $fields = $partialLines[$i].Split("`t")
    if ($fields.Count -ne 3 -or $fields[1] -notin 'control', 'data' -or $fields[0] -notmatch '^[A-Za-z0-9.]+/\S+$') {
        throw "${partialPath}:$($i + 1): expected 'operation<TAB>control|data<TAB>description': $($partialLines[$i])"
    }
    $provider = Get-Provider $fields[0]
    if ($providers.ContainsKey($provider)) {
        continue   # an excerpt of the provider's page wins over the compiled list
    }
    if (-not $partial.ContainsKey($provider)) {
        $page = if ($PartialPages.ContainsKey($provider)) { $PartialPages[$provider] } else { $PartialPages['*'] }
        $partial[$provider] = [pscustomobject]@{ Provider = $provider; Page = $page[0]; Commit = $page[1]; Operations = @{} }
    }
    Add-Operation $partial[$provider].Operations $fields[0] $fields[1] (ConvertTo-PlainText $fields[2]) ''
}
foreach ($entry in $partial.Values) { $providers[$entry.Provider] = $entry }

# ---- What the catalog held before ----------------------------------------------------------------------------
# A provider that no new file holds keeps its rows and its source. A provider whose page is read again keeps the
# operations of its earlier copy that the page no longer lists (unless -DropMissing): the earlier copy may have come
# from a newer revision of the page than the commit read now, and an operation dropped by mistake would turn questions
# about it into errors, while one Azure retired only stays answerable. Each is printed, and its source says so.

$operationsPath = Join-Path $DataPath 'operations.tsv'
$sourcesPath = Join-Path $DataPath 'operation-sources.tsv'
$earlierPages = @{}
$kept = @{}
foreach ($line in [IO.File]::ReadAllLines($sourcesPath) | Select-Object -Skip 1) {
    $fields = $line.Split("`t")
    $earlierPages[$fields[0]] = "$($fields[1]) (commit $($fields[2]))"
    if (-not $providers.ContainsKey($fields[0])) {
        $kept[$fields[0]] = [pscustomobject]@{ Provider = $fields[0]; Page = $fields[1]; Commit = $fields[2]; Operations = @{} }
    }
}
$carried = [Collections.Generic.List[string]]::new()
foreach ($line in [IO.File]::ReadAllLines($operationsPath) | Select-Object -Skip 1) {
    $fields = $line.Split("`t")
    $provider = Get-Provider $fields[0]
    # Rows named by a role, not on a page, are made again from the exceptions below.
    if ($fields[3].StartsWith('named by')) {
        continue
    }
    if ($kept.ContainsKey($provider)) {
        Add-Operation $kept[$provider].Operations $fields[0] $fields[1] $fields[2] $fields[3]
    }
    elseif ($providers.ContainsKey($provider) -and -not $DropMissing -and -not $providers[$provider].Operations.ContainsKey((Get-Key $fields[0] $fields[1]))) {
        $entry = $providers[$provider]
        $source = if ($fields[3]) { $fields[3] } else { "kept from the catalog's earlier copy of permissions/$($earlierPages[$provider]); not on $($entry.Page) at commit $($entry.Commit)" }
        Add-Operation $entry.Operations $fields[0] $fields[1] $fields[2] $source
        $carried.Add("$($fields[0]) ($($fields[1]))")
    }
}
foreach ($entry in $kept.Values) {
    Write-Verbose "Keeping the $($entry.Operations.Count) operations of $($entry.Provider) from $($entry.Page) (no new excerpt)."
    $providers[$entry.Provider] = $entry
}
if ($carried.Count -gt 0) {
    Write-Warning "$($carried.Count) operation(s) of the earlier catalog are on no page read now; kept (pass -DropMissing to drop them):`n  $($carried -join "`n  ")"
}

$catalog = @{}   # key (name, kind) -> operation
foreach ($entry in $providers.Values) {
    foreach ($key in $entry.Operations.Keys) { $catalog[$key] = $entry.Operations[$key] }
}

# ---- The built-in roles -----------------------------------------------------------------------------------------

$rolesPath = Join-Path $ReferencePath 'builtin-roles-all.json'
$armRoles = Get-Content -LiteralPath $rolesPath -Raw | ConvertFrom-Json -DateKind String -NoEnumerate
$roles = foreach ($arm in $armRoles) {
    $p = $arm.properties
    if ($p.type -ne 'BuiltInRole') {
        throw "${rolesPath}: role '$($p.roleName)' is of type '$($p.type)', not BuiltInRole."
    }
    $blocks = foreach ($block in $p.permissions) {
        $written = [ordered]@{
            actions        = @($block.actions | Where-Object { $null -ne $_ })
            notActions     = @($block.notActions | Where-Object { $null -ne $_ })
            dataActions    = @($block.dataActions | Where-Object { $null -ne $_ })
            notDataActions = @($block.notDataActions | Where-Object { $null -ne $_ })
        }
        if ($block.PSObject.Properties['condition'] -and $block.condition) {
            $written.condition = $block.condition
            $written.conditionVersion = $block.conditionVersion
        }
        $written
    }
    [ordered]@{
        id               = $arm.name
        roleName         = $p.roleName
        description      = $p.description
        permissions      = @($blocks)
        assignableScopes = @($p.assignableScopes)
    }
}
$roles = [Linq.Enumerable]::ToArray([Linq.Enumerable]::OrderBy([object[]] $roles, [Func[object, string]] { param($r) $r.roleName }, $ignoreCase))

# ---- The check: every operation a role names exactly is in the catalog with its kind ----------------------------

$lists = @{ actions = 'control'; notActions = 'control'; dataActions = 'data'; notDataActions = 'data' }
$missing = [ordered]@{}   # key -> { Name; Kind; Roles }
foreach ($role in $roles) {
    foreach ($block in $role.permissions) {
        foreach ($list in 'actions', 'notActions', 'dataActions', 'notDataActions') {
            foreach ($raw in $block[$list]) {
                # Azure trims an entry (ActionPattern does too): "Microsoft.Network/virtualNetworks/read " names the operation.
                $entry = $raw.Trim()
                if ($entry.Contains('*') -or -not $providers.ContainsKey((Get-Provider $entry))) { continue }
                $key = Get-Key $entry $lists[$list]
                if ($catalog.ContainsKey($key)) { continue }
                if (-not $missing.Contains($key)) {
                    $missing[$key] = [pscustomobject]@{ Name = $entry; Kind = $lists[$list]; Roles = [Collections.Generic.List[string]]::new() }
                }
                if (-not $missing[$key].Roles.Contains($role.roleName)) { $missing[$key].Roles.Add($role.roleName) }
            }
        }
    }
}

# role-operations-not-on-pages.tsv: '#' comments, then "operation<TAB>kind<TAB>handling<TAB>why", handling
#   add:    an operation Azure has that the page does not list (the role dump is newer than the page): the catalog
#           lists it, its source the roles that name it;
#   ignore: an entry that names no operation (a role's typo): the catalog does not list it.
$exceptions = [ordered]@{}
$number = 0
foreach ($line in [IO.File]::ReadAllLines($ExceptionsPath)) {
    $number++
    if ($line.Length -eq 0 -or $line.StartsWith('#')) { continue }
    $fields = $line.Split("`t")
    if ($fields.Count -ne 4 -or $fields[1] -notin 'control', 'data' -or $fields[2] -notin 'add', 'ignore' -or $fields[3].Trim().Length -eq 0) {
        throw "${ExceptionsPath}:${number}: expected 'operation<TAB>control|data<TAB>add|ignore<TAB>why': $line"
    }
    $exceptions[(Get-Key $fields[0] $fields[1])] = [pscustomobject]@{ Name = $fields[0]; Kind = $fields[1]; Handling = $fields[2]; Line = $number }
}

$unexplained = @($missing.Keys | Where-Object { -not $exceptions.Contains($_) } | ForEach-Object { $missing[$_] })
$stale = @($exceptions.Keys | Where-Object { -not $missing.Contains($_) } | ForEach-Object { $exceptions[$_] })
if ($unexplained.Count -gt 0 -or $stale.Count -gt 0) {
    $message = [Text.StringBuilder]::new()
    if ($unexplained.Count -gt 0) {
        $null = $message.AppendLine("$($unexplained.Count) operation(s) that built-in roles name are not in the catalog with that kind: a row lost or mangled in an excerpt, or an operation newer than its page. Fix the excerpt, or add the operation to $ExceptionsPath with why:")
        foreach ($m in $unexplained) {
            $null = $message.AppendLine("  $($m.Name) ($($m.Kind)), named by $(($m.Roles | Select-Object -First 3) -join ', ')$(if ($m.Roles.Count -gt 3) { " and $($m.Roles.Count - 3) more" })")
        }
    }
    if ($stale.Count -gt 0) {
        $null = $message.AppendLine("$($stale.Count) exception(s) are no longer missing (a page lists them now, or no role names them): remove them from ${ExceptionsPath}:")
        foreach ($s in $stale) { $null = $message.AppendLine("  line $($s.Line): $($s.Name) ($($s.Kind))") }
    }
    # Plain lines on stderr (a thrown error would wrap and colour them), and a failing exit code for a pipeline.
    [Console]::Error.Write("The catalog check failed; nothing was written.`n$message")
    exit 1
}

foreach ($key in $exceptions.Keys) {
    $exception = $exceptions[$key]
    if ($exception.Handling -eq 'add') {
        $roleNames = $missing[$key].Roles
        $by = ($roleNames | Select-Object -First 2 | ForEach-Object { "'$_'" }) -join ', '
        if ($roleNames.Count -gt 2) { $by += " and $($roleNames.Count - 2) more" }
        Add-Operation $catalog $missing[$key].Name $exception.Kind '' "named by the built-in role(s) $by (role definitions of $RolesDate), not on the permissions page"
    }
}

# ---- Aliases: a renamed role keeps its id (https://learn.microsoft.com/azure/role-based-access-control/custom-roles), so its former name finds it

$rolesOutPath = Join-Path $DataPath 'builtin-roles.json'
$aliasesPath = Join-Path $DataPath 'role-aliases.json'
$previous = Get-Content -LiteralPath $rolesOutPath -Raw | ConvertFrom-Json -DateKind String
$previousRoles = if ($previous.PSObject.Properties['roles']) { $previous.roles } else { $previous }
$previousSource = if ($previous.PSObject.Properties['source']) { $previous.source } else { $null }
$byId = @{}
foreach ($role in $roles) { $byId[$role.id.ToLowerInvariant()] = $role }
$names = [Collections.Generic.HashSet[string]]::new([string[]] @($roles | ForEach-Object { $_.roleName }), $ignoreCase)
$aliases = [Collections.Generic.Dictionary[string, object]]::new($ignoreCase)
if (Test-Path -LiteralPath $aliasesPath) {
    foreach ($alias in (Get-Content -LiteralPath $aliasesPath -Raw | ConvertFrom-Json -DateKind String)) {
        if ($byId.ContainsKey($alias.id.ToLowerInvariant()) -and -not $names.Contains($alias.name)) {
            $aliases[$alias.name] = [ordered]@{ name = $alias.name; id = $alias.id; note = $alias.note }
        }
    }
}
foreach ($old in $previousRoles) {
    $id = $old.id.ToLowerInvariant()
    if ($byId.ContainsKey($id) -and -not $names.Contains($old.roleName)) {
        $was = if ($old.PSObject.Properties['source']) { $old.source } else { $previousSource }
        $aliases[$old.roleName] = [ordered]@{
            name = $old.roleName
            id   = $byId[$id].id
            note = "Renamed '$($byId[$id].roleName)' (same id) in the role definitions of $RolesDate (builtin-roles.json); '$($old.roleName)' is its name in $was."
        }
    }
}

# ---- Write --------------------------------------------------------------------------------------------------------

function Write-Lines([string] $path, [string[]] $lines) {
    [IO.File]::WriteAllText($path, (($lines -join "`n") + "`n"), $utf8)
}

$ordered = [Linq.Enumerable]::ToArray([Linq.Enumerable]::ThenBy(
        [Linq.Enumerable]::OrderBy([object[]] @($catalog.Values), [Func[object, string]] { param($o) $o.Name }, $ignoreCase),
        [Func[object, string]] { param($o) $o.Kind }, [StringComparer]::Ordinal))
$operationLines = @("operation`tkind`tdescription`tsource") + @($ordered | ForEach-Object { "$($_.Name)`t$($_.Kind)`t$($_.Descriptions -join ' / ')`t$($_.Source)" })
$sourceLines = @("provider`tpage`tcommit") + @(
    [Linq.Enumerable]::OrderBy([object[]] @($providers.Values), [Func[object, string]] { param($p) $p.Provider }, $ignoreCase) |
        ForEach-Object { "$($_.Provider)`t$($_.Page)`t$($_.Commit)" })

$rolesJson = [ordered]@{ source = $RolesSource; roles = $roles } | ConvertTo-Json -Depth 8
$aliasesJson = ConvertTo-Json -InputObject @([Linq.Enumerable]::OrderBy([object[]] @($aliases.Values), [Func[object, string]] { param($a) $a.name }, $ignoreCase)) -Depth 4

Write-Lines $operationsPath $operationLines
Write-Lines $sourcesPath $sourceLines
Write-Lines $rolesOutPath $rolesJson
Write-Lines $aliasesPath $aliasesJson

$control = @($ordered | Where-Object Kind -EQ 'control').Count
Write-Host "Wrote $($ordered.Count) operations ($control control, $($ordered.Count - $control) data) of $($providers.Count) providers, $($roles.Count) built-in roles and $($aliases.Count) role aliases to $DataPath."
foreach ($p in [Linq.Enumerable]::OrderBy([object[]] @($providers.Values), [Func[object, string]] { param($p) $p.Provider }, $ignoreCase)) {
    $ops = @($ordered | Where-Object { $ignoreCase.Equals((Get-Provider $_.Name), $p.Provider) })
    $data = @($ops | Where-Object Kind -EQ 'data').Count
    Write-Host ("  {0,-40} {1,5} control {2,5} data  {3} {4}" -f $p.Provider, ($ops.Count - $data), $data, $p.Page, $p.Commit)
}
