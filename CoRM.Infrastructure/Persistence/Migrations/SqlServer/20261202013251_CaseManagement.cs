using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoRM.Infrastructure.Persistence.Migrations.SqlServer
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
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Sensitivity",
                table: "Interactions",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CaseId",
                table: "FollowUps",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LeadRemindedAt",
                table: "FollowUps",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DialKey",
                table: "ContactPoints",
                type: "nvarchar(9)",
                maxLength: 9,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CaseTypes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    ReviewIntervalDays = table.Column<int>(type: "int", nullable: false),
                    IsActive = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseTypes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConstituentFlags",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ConstituentId = table.Column<int>(type: "int", nullable: false),
                    Label = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    Note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Visibility = table.Column<int>(type: "int", nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RaisedById = table.Column<int>(type: "int", nullable: true),
                    RemovedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RemovedById = table.Column<int>(type: "int", nullable: true),
                    RemovalReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CaseTypeId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    Resolves = table.Column<bool>(type: "bit", nullable: false),
                    IsActive = table.Column<bool>(type: "bit", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CaseTypeId = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    DueAfterDays = table.Column<int>(type: "int", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CaseTypeId = table.Column<int>(type: "int", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ReferralSource = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: true),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    OpenedById = table.Column<int>(type: "int", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedById = table.Column<int>(type: "int", nullable: true),
                    OutcomeId = table.Column<int>(type: "int", nullable: true),
                    CloseReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    NextReviewOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CaseId = table.Column<int>(type: "int", nullable: false),
                    UserId = table.Column<int>(type: "int", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    GrantedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "datetime2", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CaseId = table.Column<int>(type: "int", nullable: false),
                    ConstituentId = table.Column<int>(type: "int", nullable: false),
                    IsPrimary = table.Column<bool>(type: "bit", nullable: false)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CaseId = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    TargetOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CaseId = table.Column<int>(type: "int", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CompletedById = table.Column<int>(type: "int", nullable: true),
                    Notes = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    LeadRemindedAt = table.Column<DateTime>(type: "datetime2", nullable: true)
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CaseId = table.Column<int>(type: "int", nullable: false),
                    MemberId = table.Column<int>(type: "int", nullable: false),
                    Role = table.Column<int>(type: "int", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RemovedAt = table.Column<DateTime>(type: "datetime2", nullable: true)
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
