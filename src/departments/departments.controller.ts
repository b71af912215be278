import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ParseUuidPipe } from '../common/uuid-pipe';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../tenancy/access.decorators';
import { DepartmentsService } from './departments.service';
import { CreateDepartmentRequest, DepartmentsQuery, UpdateDepartmentRequest } from './dto/department.dto';

@ApiTags('departments')
@ApiBearerAuth()
@Controller('api/departments')
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  @RequirePermission('departments.read')
  @ApiOperation({ summary: "This province's departments (active ones unless includeInactive=true)" })
  list(@Query() query: DepartmentsQuery) {
    return this.departments.list(query.includeInactive ?? false);
  }

  @Get(':id')
  @RequirePermission('departments.read')
  @ApiOperation({ summary: 'One department' })
  get(@Param('id', new ParseUuidPipe('a department id')) id: string) {
    return this.departments.get(id);
  }

  @Post()
  @RequirePermission('departments.manage')
  @ApiOperation({ summary: 'Add a department (province administrators)' })
  create(@Body() body: CreateDepartmentRequest) {
    return this.departments.create(body);
  }

  @Patch(':id')
  @RequirePermission('departments.manage')
  @ApiOperation({ summary: 'Rename, deactivate or reactivate a department (province administrators)' })
  update(@Param('id', new ParseUuidPipe('a department id')) id: string, @Body() body: UpdateDepartmentRequest) {
    return this.departments.update(id, body);
  }
}
