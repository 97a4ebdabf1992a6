using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace CoRM.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Engagement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Waitlisted",
                table: "EventRegistrations",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ActionTypes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Category = table.Column<int>(type: "int", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    AsksTarget = table.Column<bool>(type: "bit", nullable: false),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionTypes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EngagementLevels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    MinScore = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngagementLevels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EngagementRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SegmentId = table.Column<int>(type: "int", nullable: false),
                    Action = table.Column<int>(type: "int", nullable: false),
                    OwnerId = table.Column<int>(type: "int", nullable: true),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Body = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    DueAfterDays = table.Column<int>(type: "int", nullable: false),
                    PlanJson = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    PeriodDays = table.Column<int>(type: "int", nullable: false),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    ReadyMade = table.Column<bool>(type: "bit", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedById = table.Column<int>(type: "int", nullable: true),
                    LastRunAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngagementRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EngagementRules_Constituents_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EngagementRules_Constituents_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EngagementRules_Segments_SegmentId",
                        column: x => x.SegmentId,
                        principalTable: "Segments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EngagementWeights",
                columns: table => new
                {
                    Measure = table.Column<int>(type: "int", nullable: false),
                    Points = table.Column<decimal>(type: "decimal(7,2)", precision: 7, scale: 2, nullable: false),
                    Cap = table.Column<int>(type: "int", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ChangedById = table.Column<int>(type: "int", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngagementWeights", x => x.Measure);
                    table.ForeignKey(
                        name: "FK_EngagementWeights_Constituents_ChangedById",
                        column: x => x.ChangedById,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Actions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ConstituentId = table.Column<int>(type: "int", nullable: false),
                    ActionTypeId = table.Column<int>(type: "int", nullable: false),
                    TookOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Channel = table.Column<int>(type: "int", nullable: false),
                    CampaignId = table.Column<int>(type: "int", nullable: true),
                    EventId = table.Column<int>(type: "int", nullable: true),
                    Target = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Notes = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    RecordedById = table.Column<int>(type: "int", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Actions_ActionTypes_ActionTypeId",
                        column: x => x.ActionTypeId,
                        principalTable: "ActionTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Actions_AppealCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "AppealCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Actions_Constituents_ConstituentId",
                        column: x => x.ConstituentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Actions_Constituents_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Actions_GivingEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "GivingEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "PublicForms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Slug = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    FieldsJson = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    ConsentWording = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    ConsentPurpose = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    ActionTypeId = table.Column<int>(type: "int", nullable: true),
                    EventId = table.Column<int>(type: "int", nullable: true),
                    IsOpen = table.Column<bool>(type: "bit", nullable: false),
                    CreatedById = table.Column<int>(type: "int", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicForms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicForms_ActionTypes_ActionTypeId",
                        column: x => x.ActionTypeId,
                        principalTable: "ActionTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PublicForms_Constituents_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PublicForms_GivingEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "GivingEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EngagementLevelChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ConstituentId = table.Column<int>(type: "int", nullable: false),
                    FromLevelId = table.Column<int>(type: "int", nullable: true),
                    ToLevelId = table.Column<int>(type: "int", nullable: true),
                    FromScore = table.Column<int>(type: "int", nullable: false),
                    ToScore = table.Column<int>(type: "int", nullable: false),
                    Up = table.Column<bool>(type: "bit", nullable: false),
                    ChangedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngagementLevelChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EngagementLevelChanges_Constituents_ConstituentId",
                        column: x => x.ConstituentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EngagementLevelChanges_EngagementLevels_FromLevelId",
                        column: x => x.FromLevelId,
                        principalTable: "EngagementLevels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EngagementLevelChanges_EngagementLevels_ToLevelId",
                        column: x => x.ToLevelId,
                        principalTable: "EngagementLevels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EngagementScores",
                columns: table => new
                {
                    ConstituentId = table.Column<int>(type: "int", nullable: false),
                    Score = table.Column<int>(type: "int", nullable: false),
                    LevelId = table.Column<int>(type: "int", nullable: true),
                    LevelSince = table.Column<DateOnly>(type: "date", nullable: false),
                    Gifts = table.Column<int>(type: "int", nullable: false),
                    DaysSinceLastGift = table.Column<int>(type: "int", nullable: true),
                    VolunteerHours = table.Column<decimal>(type: "decimal(9,2)", precision: 9, scale: 2, nullable: false),
                    EventsAttended = table.Column<int>(type: "int", nullable: false),
                    Actions = table.Column<int>(type: "int", nullable: false),
                    CasesResolved = table.Column<int>(type: "int", nullable: false),
                    ComputedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngagementScores", x => x.ConstituentId);
                    table.ForeignKey(
                        name: "FK_EngagementScores_Constituents_ConstituentId",
                        column: x => x.ConstituentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EngagementScores_EngagementLevels_LevelId",
                        column: x => x.LevelId,
                        principalTable: "EngagementLevels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RuleFirings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RuleId = table.Column<int>(type: "int", nullable: false),
                    ConstituentId = table.Column<int>(type: "int", nullable: false),
                    Period = table.Column<int>(type: "int", nullable: false),
                    FiredAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Outcome = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RuleFirings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RuleFirings_Constituents_ConstituentId",
                        column: x => x.ConstituentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RuleFirings_EngagementRules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "EngagementRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FormSubmissions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FormId = table.Column<int>(type: "int", nullable: false),
                    ConstituentId = table.Column<int>(type: "int", nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Match = table.Column<int>(type: "int", nullable: false),
                    EmailKey = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    PendingDetails = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ConfirmationTokenHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ConfirmedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Comment = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormSubmissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FormSubmissions_Constituents_ConstituentId",
                        column: x => x.ConstituentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FormSubmissions_PublicForms_FormId",
                        column: x => x.FormId,
                        principalTable: "PublicForms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "ActionTypes",
                columns: new[] { "Id", "AsksTarget", "Category", "Description", "IsActive", "Name", "Version" },
                values: new object[,]
                {
                    { 1, false, 0, null, true, "Signed a petition", new Guid("00000000-0000-0000-0001-000000000001") },
                    { 2, true, 0, null, true, "Wrote to an elected official", new Guid("00000000-0000-0000-0001-000000000002") },
                    { 3, true, 0, null, true, "Called a radio show", new Guid("00000000-0000-0000-0001-000000000003") },
                    { 4, true, 0, null, true, "Visited a representative", new Guid("00000000-0000-0000-0001-000000000004") },
                    { 5, false, 1, null, true, "Attended a programme session", new Guid("00000000-0000-0000-0001-000000000005") },
                    { 6, false, 2, null, true, "Completed a course", new Guid("00000000-0000-0000-0001-000000000006") },
                    { 7, false, 3, null, true, "Visited a shut-in", new Guid("00000000-0000-0000-0001-000000000007") },
                    { 8, false, 3, null, true, "Mentored", new Guid("00000000-0000-0000-0001-000000000008") }
                });

            migrationBuilder.InsertData(
                table: "EngagementLevels",
                columns: new[] { "Id", "MinScore", "Name", "Version" },
                values: new object[,]
                {
                    { 1, 1, "Aware", new Guid("00000000-0000-0000-0003-000000000001") },
                    { 2, 15, "Supporter", new Guid("00000000-0000-0000-0003-000000000002") },
                    { 3, 40, "Active", new Guid("00000000-0000-0000-0003-000000000003") },
                    { 4, 80, "Leader", new Guid("00000000-0000-0000-0003-000000000004") }
                });

            migrationBuilder.InsertData(
                table: "EngagementWeights",
                columns: new[] { "Measure", "Cap", "ChangedAt", "ChangedById", "Points", "Version" },
                values: new object[,]
                {
                    { 0, 5, null, null, 6m, new Guid("00000000-0000-0000-0002-000000000001") },
                    { 1, 1, null, null, 10m, new Guid("00000000-0000-0000-0002-000000000002") },
                    { 2, 40, null, null, 1m, new Guid("00000000-0000-0000-0002-000000000003") },
                    { 3, 6, null, null, 5m, new Guid("00000000-0000-0000-0002-000000000004") },
                    { 4, 10, null, null, 4m, new Guid("00000000-0000-0000-0002-000000000005") },
                    { 5, 2, null, null, 0m, new Guid("00000000-0000-0000-0002-000000000006") }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Actions_ActionTypeId_TookOn",
                table: "Actions",
                columns: new[] { "ActionTypeId", "TookOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Actions_CampaignId",
                table: "Actions",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_ConstituentId_TookOn",
                table: "Actions",
                columns: new[] { "ConstituentId", "TookOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Actions_EventId",
                table: "Actions",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_RecordedById",
                table: "Actions",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_TookOn",
                table: "Actions",
                column: "TookOn");

            migrationBuilder.CreateIndex(
                name: "IX_ActionTypes_Name",
                table: "ActionTypes",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EngagementLevelChanges_ChangedOn",
                table: "EngagementLevelChanges",
                column: "ChangedOn");

            migrationBuilder.CreateIndex(
                name: "IX_EngagementLevelChanges_ConstituentId_ChangedOn",
                table: "EngagementLevelChanges",
                columns: new[] { "ConstituentId", "ChangedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_EngagementLevelChanges_FromLevelId",
                table: "EngagementLevelChanges",
                column: "FromLevelId");

            migrationBuilder.CreateIndex(
                name: "IX_EngagementLevelChanges_ToLevelId",
                table: "EngagementLevelChanges",
                column: "ToLevelId");

            migrationBuilder.CreateIndex(
                name: "IX_EngagementLevels_MinScore",
                table: "EngagementLevels",
                column: "MinScore",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EngagementLevels_Name",
                table: "EngagementLevels",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EngagementRules_CreatedById",
                table: "EngagementRules",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_EngagementRules_OwnerId",
                table: "EngagementRules",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_EngagementRules_SegmentId",
                table: "EngagementRules",
                column: "SegmentId");

            migrationBuilder.CreateIndex(
                name: "IX_EngagementScores_LevelId",
                table: "EngagementScores",
                column: "LevelId");

            migrationBuilder.CreateIndex(
                name: "IX_EngagementScores_Score",
                table: "EngagementScores",
                column: "Score");

            migrationBuilder.CreateIndex(
                name: "IX_EngagementWeights_ChangedById",
                table: "EngagementWeights",
                column: "ChangedById");

            migrationBuilder.CreateIndex(
                name: "IX_FormSubmissions_ConfirmationTokenHash",
                table: "FormSubmissions",
                column: "ConfirmationTokenHash",
                unique: true,
                filter: "[ConfirmationTokenHash] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_FormSubmissions_ConstituentId",
                table: "FormSubmissions",
                column: "ConstituentId");

            migrationBuilder.CreateIndex(
                name: "IX_FormSubmissions_EmailKey_SubmittedAt",
                table: "FormSubmissions",
                columns: new[] { "EmailKey", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FormSubmissions_FormId_SubmittedAt",
                table: "FormSubmissions",
                columns: new[] { "FormId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicForms_ActionTypeId",
                table: "PublicForms",
                column: "ActionTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicForms_CreatedById",
                table: "PublicForms",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_PublicForms_EventId",
                table: "PublicForms",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicForms_Slug",
                table: "PublicForms",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RuleFirings_ConstituentId",
                table: "RuleFirings",
                column: "ConstituentId");

            migrationBuilder.CreateIndex(
                name: "IX_RuleFirings_RuleId_ConstituentId_Period",
                table: "RuleFirings",
                columns: new[] { "RuleId", "ConstituentId", "Period" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Actions");

            migrationBuilder.DropTable(
                name: "EngagementLevelChanges");

            migrationBuilder.DropTable(
                name: "EngagementScores");

            migrationBuilder.DropTable(
                name: "EngagementWeights");

            migrationBuilder.DropTable(
                name: "FormSubmissions");

            migrationBuilder.DropTable(
                name: "RuleFirings");

            migrationBuilder.DropTable(
                name: "EngagementLevels");

            migrationBuilder.DropTable(
                name: "PublicForms");

            migrationBuilder.DropTable(
                name: "EngagementRules");

            migrationBuilder.DropTable(
                name: "ActionTypes");

            migrationBuilder.DropColumn(
                name: "Waitlisted",
                table: "EventRegistrations");
        }
    }
}
