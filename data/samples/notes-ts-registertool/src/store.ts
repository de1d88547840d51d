import fs from "node:fs/promises";
import path from "node:path";

export interface Note { id: string; title: string; body: string; tags: string[] }

export class NoteStore {
  constructor(private readonly dir: string) {}

  file(id: string): string {
    if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`bad note id: ${id}`);
    return path.join(this.dir, `${id}.json`);
  }

  async all(): Promise<Note[]> {
    const names = await fs.readdir(this.dir);
    const notes = await Promise.all(
      names.filter((n) => n.endsWith(".json")).map((n) => fs.readFile(path.join(this.dir, n), "utf8")),
    );
    return notes.map((text) => JSON.parse(text) as Note);
  }

  async read(id: string): Promise<Note> {
    return JSON.parse(await fs.readFile(this.file(id), "utf8")) as Note;
  }

  async save(note: Note): Promise<void> {
    await fs.writeFile(this.file(note.id), JSON.stringify(note, null, 2));
  }
}
