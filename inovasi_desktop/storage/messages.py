"""User-facing storage messages (Bahasa Indonesia), one place for their wording."""

from __future__ import annotations

from pathlib import Path

_UNCHANGED = "Berkas basis data tidak diubah."


def damaged(path: Path | str, backups: Path | str) -> str:
    return (
        f"Berkas basis data {path} rusak sehingga tidak dapat dibaca. {_UNCHANGED} "
        f"Pulihkan data dari salinan cadangan (misalnya dari folder {backups}), "
        "atau mintalah bantuan pengelola TI."
    )


def newer_schema(path: Path | str, found: int, known: int) -> str:
    return (
        f"Basis data {path} dibuat oleh versi Inovasi Desktop yang lebih baru (versi skema {found}; "
        f"aplikasi ini hanya mengenal sampai versi {known}). Perbarui Inovasi Desktop untuk membukanya. "
        f"{_UNCHANGED}"
    )


def read_only_folder(folder: Path | str) -> str:
    return (
        f"Folder data {folder} tidak dapat ditulisi (hanya-baca). Inovasi Desktop memerlukan izin menulis "
        "di folder ini untuk menyimpan data. Ubah izin folder tersebut atau gunakan folder data lain."
    )


def read_only_file(path: Path | str) -> str:
    return (
        f"Berkas basis data {path} hanya dapat dibaca (read-only), sehingga perubahan tidak dapat disimpan. "
        "Ubah izin berkas tersebut, lalu buka kembali Inovasi Desktop."
    )


def folder_not_created(folder: Path | str, reason: str) -> str:
    return f"Folder data {folder} tidak dapat dibuat: {reason}."


def folder_is_a_file(folder: Path | str) -> str:
    return f"Folder data {folder} tidak dapat dibuat karena sudah ada berkas (bukan folder) dengan nama tersebut."


def cannot_open(path: Path | str) -> str:
    return (
        f"Berkas basis data {path} tidak dapat dibuka. Pastikan berkas tersebut dapat diakses "
        "dan berada di diska lokal, bukan di folder jaringan."
    )


def busy(path: Path | str) -> str:
    return (
        f"Basis data {path} sedang dipakai oleh proses lain, mungkin Inovasi Desktop yang sudah terbuka. "
        "Tutup proses tersebut, lalu coba lagi."
    )


def disk_full(path: Path | str) -> str:
    return f"Ruang penyimpanan penuh: perubahan pada basis data {path} tidak dapat disimpan. Kosongkan ruang diska."


def disk_full_on_open(path: Path | str) -> str:
    return (f"Ruang penyimpanan penuh, sehingga basis data {path} tidak dapat dibuka. {_UNCHANGED} "
            "Kosongkan sebagian ruang diska, lalu coba lagi.")


def backup_failed(backups: Path | str, reason: str) -> str:
    return (
        f"Salinan cadangan tidak dapat dibuat di folder {backups} ({reason}), sehingga pembaruan struktur "
        f"basis data dibatalkan. {_UNCHANGED}"
    )


def upgrade_failed(path: Path | str, version: int, backup: Path | str | None) -> str:
    where = f" Salinan cadangan sebelum pembaruan: {backup}." if backup else ""
    return (
        f"Struktur basis data {path} tidak dapat diperbarui ke versi {version}. "
        f"Basis data dikembalikan ke keadaan semula.{where}"
    )


def backup_onto_database(path: Path | str) -> str:
    return f"Salinan cadangan tidak boleh ditulis ke berkas basis data yang sedang dipakai ({path}). Pilih berkas lain."
