"""Shared by the care tests: the operations as the PWA sends them, and a case opened through the API."""

from __future__ import annotations

import uuid
from typing import Any

from shouhu.schools.models import Student

OPEN_CASE = """mutation($input: OpenCaseInput!) { openCareCase(input: $input) {
  __typename ... on CareCase { id level status lead { displayName } } ... on ValidationError { field code message } } }"""
ADD_MEMBER = """mutation($caseId: ID!, $accountId: ID!, $role: TeamRole!) { addTeamMember(caseId: $caseId, accountId: $accountId, role: $role) {
  __typename ... on CareTeam { members { role person { displayName } } } ... on ValidationError { field code message } } }"""
CHECK_IN = """mutation($id: ID!, $input: CheckInInput!) { recordCheckIn(id: $id, input: $input) {
  __typename ... on CheckIn { id mood status signals note visibility version canAmend author { displayName } }
  ... on ValidationError { field code message } } }"""
AMEND = """mutation($id: ID!, $input: CheckInInput!) { amendCheckIn(id: $id, input: $input) {
  __typename ... on CheckIn { id mood note version revisions { version mood note } }
  ... on ValidationError { field code message } } }"""
HOME_LOG = """mutation($id: ID!, $input: HomeLogInput!) { recordHomeLog(id: $id, input: $input) {
  __typename ... on HomeLog { id logDate listeningMinutes exerciseMinutes accompaniment signals }
  ... on ValidationError { field code message } } }"""
OBSERVE = """mutation($id: ID!, $input: ObservationInput!) { reportObservation(id: $id, input: $input) {
  __typename ... on ObservationReceipt { id } ... on ValidationError { field code message } } }"""
TIMELINE = """query($studentId: ID!, $first: Int, $after: String, $filter: TimelineFilter) {
  timeline(studentId: $studentId, first: $first, after: $after, filter: $filter) {
    nodes { kind hasSignal item { __typename
      ... on CheckIn { mood note visibility author { displayName } }
      ... on HomeLog { listeningMinutes note }
      ... on Observation { note }
      ... on CaseChange { kind toValue reason }
      ... on Alert { signals acknowledgedAt } } }
    pageInfo { hasNextPage endCursor } } }"""
ALERTS = "query { alerts { nodes { id signals student { name } acknowledgedAt } } }"
ACK = """mutation($id: ID!) { acknowledgeAlert(id: $id) {
  __typename ... on Alert { acknowledgedAt acknowledgedBy { displayName } } ... on ValidationError { code } } }"""
CLASS_BOARD = """query($classId: ID!) { classBoard(classId: $classId) {
  student { name } level checkInsToday checkedIn { displayName } notCheckedIn { displayName } latestMood
  lastHomeLogDate openAlerts } }"""
MY_STUDENTS = """query { myStudents { date students { student { name } myCheckInsToday checkInsToday level }
  rota { periodName student { name } } gaps { periodName studentName } } }"""
CARE_CASE = "query($studentId: ID!) { careCase(studentId: $studentId) { id level reasons lead { displayName } } }"
CARE_TEAM = """query($studentId: ID!) { careTeam(studentId: $studentId) { student { name }
  members { role relation person { displayName phone } } } }"""
STATS = """query($studentId: ID!) { homeLogStats(studentId: $studentId) { loggedToday streak
  last7 { logged listeningMet exerciseMet } last30 { logged } } }"""


def new_id() -> str:
    return str(uuid.uuid4())


async def student_named(name: str) -> Student:
    return await Student.get(name=name)


def check_in_input(student_id: Any, **overrides: Any) -> dict[str, Any]:
    return {"studentId": str(student_id), "mood": 3, "status": "PRESENT", **overrides}


def home_log_input(student_id: Any, log_date: str, **overrides: Any) -> dict[str, Any]:
    return {"studentId": str(student_id), "logDate": log_date, "listeningMinutes": 20, "exerciseMinutes": 60,
            "accompaniment": "WHOLE", **overrides}
