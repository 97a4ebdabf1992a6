using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoRM.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseManagement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CaseId",
                table: "Interactions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Sensitivity",
                table: "Interactions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CaseId",
                table: "FollowUps",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LeadRemindedAt",
                table: "FollowUps",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DialKey",
                table: "ContactPoints",
                type: "TEXT",
                maxLength: 9,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CaseTypes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReviewIntervalDays = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseTypes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConstituentFlags",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConstituentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Visibility = table.Column<int>(type: "INTEGER", nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RaisedById = table.Column<int>(type: "INTEGER", nullable: true),
                    RemovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RemovedById = table.Column<int>(type: "INTEGER", nullable: true),
                    RemovalReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConstituentFlags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConstituentFlags_Constituents_ConstituentId",
                        column: x => x.ConstituentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConstituentFlags_Constituents_RaisedById",
                        column: x => x.RaisedById,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ConstituentFlags_Constituents_RemovedById",
                        column: x => x.RemovedById,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseOutcomes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseTypeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Resolves = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseOutcomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseOutcomes_CaseTypes_CaseTypeId",
                        column: x => x.CaseTypeId,
                        principalTable: "CaseTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CasePlanTemplateItem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseTypeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueAfterDays = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CasePlanTemplateItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CasePlanTemplateItem_CaseTypes_CaseTypeId",
                        column: x => x.CaseTypeId,
                        principalTable: "CaseTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Cases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseTypeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReferralSource = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OpenedById = table.Column<int>(type: "INTEGER", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedById = table.Column<int>(type: "INTEGER", nullable: true),
                    OutcomeId = table.Column<int>(type: "INTEGER", nullable: true),
                    CloseReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NextReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cases_CaseOutcomes_OutcomeId",
                        column: x => x.OutcomeId,
                        principalTable: "CaseOutcomes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cases_CaseTypes_CaseTypeId",
                        column: x => x.CaseTypeId,
                        principalTable: "CaseTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cases_Constituents_ClosedById",
                        column: x => x.ClosedById,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cases_Constituents_OpenedById",
                        column: x => x.OpenedById,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseAccessGrants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    GrantedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseAccessGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseAccessGrants_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseAccessGrants_Constituents_UserId",
                        column: x => x.UserId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseClients",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    ConstituentId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsPrimary = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseClients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseClients_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseClients_Constituents_ConstituentId",
                        column: x => x.ConstituentId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseGoals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TargetOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseGoals_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedById = table.Column<int>(type: "INTEGER", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    LeadRemindedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseReviews_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseReviews_Constituents_CompletedById",
                        column: x => x.CompletedById,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseTeamMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RemovedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseTeamMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseTeamMembers_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseTeamMembers_Constituents_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Constituents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Interactions_CaseId_OccurredAt",
                table: "Interactions",
                columns: new[] { "CaseId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_CaseId_CompletedAt",
                table: "FollowUps",
                columns: new[] { "CaseId", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactPoints_DialKey",
                table: "ContactPoints",
                column: "DialKey");

            migrationBuilder.CreateIndex(
                name: "IX_CaseAccessGrants_CaseId",
                table: "CaseAccessGrants",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseAccessGrants_UserId_ExpiresAt",
                table: "CaseAccessGrants",
                columns: new[] { "UserId", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseClients_CaseId",
                table: "CaseClients",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseClients_ConstituentId_CaseId",
                table: "CaseClients",
                columns: new[] { "ConstituentId", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseGoals_CaseId",
                table: "CaseGoals",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseOutcomes_CaseTypeId",
                table: "CaseOutcomes",
                column: "CaseTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_CasePlanTemplateItem_CaseTypeId",
                table: "CasePlanTemplateItem",
                column: "CaseTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseReviews_CaseId",
                table: "CaseReviews",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseReviews_CompletedAt_DueOn",
                table: "CaseReviews",
                columns: new[] { "CompletedAt", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseReviews_CompletedById",
                table: "CaseReviews",
                column: "CompletedById");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CaseTypeId_OpenedOn",
                table: "Cases",
                columns: new[] { "CaseTypeId", "OpenedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ClosedById",
                table: "Cases",
                column: "ClosedById");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ClosedOn",
                table: "Cases",
                column: "ClosedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OpenedById",
                table: "Cases",
                column: "OpenedById");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OutcomeId",
                table: "Cases",
                column: "OutcomeId");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Status_NextReviewOn",
                table: "Cases",
                columns: new[] { "Status", "NextReviewOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTeamMembers_CaseId",
                table: "CaseTeamMembers",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseTeamMembers_MemberId_RemovedAt_CaseId",
                table: "CaseTeamMembers",
                columns: new[] { "MemberId", "RemovedAt", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTypes_Name",
                table: "CaseTypes",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConstituentFlags_ConstituentId_RemovedAt",
                table: "ConstituentFlags",
                columns: new[] { "ConstituentId", "RemovedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConstituentFlags_RaisedById",
                table: "ConstituentFlags",
                column: "RaisedById");

            migrationBuilder.CreateIndex(
                name: "IX_ConstituentFlags_RemovedById",
                table: "ConstituentFlags",
                column: "RemovedById");

            migrationBuilder.AddForeignKey(
                name: "FK_FollowUps_Cases_CaseId",
                table: "FollowUps",
                column: "CaseId",
                principalTable: "Cases",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Interactions_Cases_CaseId",
                table: "Interactions",
                column: "CaseId",
                principalTable: "Cases",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_FollowUps_Cases_CaseId",
                table: "FollowUps");

            migrationBuilder.DropForeignKey(
                name: "FK_Interactions_Cases_CaseId",
                table: "Interactions");

            migrationBuilder.DropTable(
                name: "CaseAccessGrants");

            migrationBuilder.DropTable(
                name: "CaseClients");

            migrationBuilder.DropTable(
                name: "CaseGoals");

            migrationBuilder.DropTable(
                name: "CasePlanTemplateItem");

            migrationBuilder.DropTable(
                name: "CaseReviews");

            migrationBuilder.DropTable(
                name: "CaseTeamMembers");

            migrationBuilder.DropTable(
                name: "ConstituentFlags");

            migrationBuilder.DropTable(
                name: "Cases");

            migrationBuilder.DropTable(
                name: "CaseOutcomes");

            migrationBuilder.DropTable(
                name: "CaseTypes");

            migrationBuilder.DropIndex(
                name: "IX_Interactions_CaseId_OccurredAt",
                table: "Interactions");

            migrationBuilder.DropIndex(
                name: "IX_FollowUps_CaseId_CompletedAt",
                table: "FollowUps");

            migrationBuilder.DropIndex(
                name: "IX_ContactPoints_DialKey",
                table: "ContactPoints");

            migrationBuilder.DropColumn(
                name: "CaseId",
                table: "Interactions");

            migrationBuilder.DropColumn(
                name: "Sensitivity",
                table: "Interactions");

            migrationBuilder.DropColumn(
                name: "CaseId",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "LeadRemindedAt",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "DialKey",
                table: "ContactPoints");
        }
    }
}
